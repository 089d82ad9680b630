// Drives one fineq_decoder: loads block A into the current buffer, then block B into the next
// buffer (A must stay readable: double buffering), prints A's 24 weight codes, swaps, prints
// B's 24 weight codes. Codes are the raw 3-bit {sign, mag[1:0]} values in row order 3j+i.
// Usage: decoder_tb <hex56 A> <hex56 B>
#include "Vfineq_decoder.h"
#include "verilated.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>

static void tick(Vfineq_decoder* d) {
    d->clk_i = 0;
    d->eval();
    d->clk_i = 1;
    d->eval();
}

static void print_block(Vfineq_decoder* d, const char* label) {
    std::printf("%s", label);
    for (int j = 0; j < 8; ++j) {
        for (int i = 0; i < 3; ++i) {
            d->clu_i = j;
            d->pos_i = i;
            d->eval();
            std::printf(" %d", static_cast<int>(d->w_o));
        }
    }
    std::printf("\n");
}

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: decoder_tb <hex56 A> <hex56 B>\n");
        return 2;
    }
    const uint64_t a = std::strtoull(argv[1], nullptr, 16);
    const uint64_t b = std::strtoull(argv[2], nullptr, 16);
    Vfineq_decoder* d = new Vfineq_decoder;
    d->load_cur_i = 1; d->load_nxt_i = 0; d->swap_i = 0; d->blk_i = a;
    tick(d);
    d->load_cur_i = 0; d->load_nxt_i = 1; d->blk_i = b;
    tick(d);
    d->load_nxt_i = 0; d->blk_i = 0;
    tick(d);
    print_block(d, "cur");
    d->swap_i = 1;
    tick(d);
    d->swap_i = 0;
    tick(d);
    print_block(d, "swapped");
    d->final();
    delete d;
    return 0;
}
