// Stream-level check of a generated fineq_core against a plain reference computation.
// Builds random tiles (activations + valid 7-byte blocks packed per spec section 3), drives the
// three valid/ready streams, and compares every result row with y[r] = sum_c q[m][c] * a[r][c].
// With ready_mode 0 (res_ready always 1) it also checks the cycle formula of
// docs/microarchitecture.md section 4; ready_mode 1 applies random back-pressure.
// Usage: core_tb <seed> <tiles> <ready_mode> <termination 0/1> <pipe_stages S>
// Dimensions come from the generated header constants below (-DFQ_R=.. -DFQ_C=.. -DFQ_ACT_W=.. -DFQ_ACC_W=..).
#include "Vfineq_core.h"
#include "verilated.h"
#include <cstdint>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <deque>
#include <random>
#include <vector>

static const int R = FQ_R, C = FQ_C, ACT_W = FQ_ACT_W, ACC_W = FQ_ACC_W;

// Port helpers at byte granularity: Verilator ports are uint8/16/32/64 or arrays of 32-bit words,
// all little endian on the hosts this runs on, so bit k lives in byte k/8 either way.
template <typename P> static void set_bits(P& port, int lsb, int width, uint64_t v) {
    uint8_t* bytes = reinterpret_cast<uint8_t*>(&port);
    for (int b = 0; b < width; ++b) {
        int bit = lsb + b;
        if ((v >> b) & 1) bytes[bit / 8] |= uint8_t(1u << (bit % 8)); else bytes[bit / 8] &= uint8_t(~(1u << (bit % 8)));
    }
}
template <typename P> static int64_t get_signed(const P& port, int lsb, int width) {
    const uint8_t* bytes = reinterpret_cast<const uint8_t*>(&port);
    int64_t v = 0;
    for (int b = 0; b < width; ++b) {
        int bit = lsb + b;
        if ((bytes[bit / 8] >> (bit % 8)) & 1) v |= (int64_t(1) << b);
    }
    if ((v >> (width - 1)) & 1) v -= (int64_t(1) << width);
    return v;
}

struct Block { uint64_t bits; int q[24]; };

// Random valid block: per pair a code, then values that code can carry, packed per the spec.
static Block random_block(std::mt19937& g) {
    Block blk{};
    uint64_t index = 0, field = 0;
    for (int p = 0; p < 4; ++p) {
        int code = g() % 4;
        index |= uint64_t(code) << (2 * p);
        for (int h = 0; h < 2; ++h) {
            int j = 2 * p + h;
            uint64_t f = 0;
            if (code == 0) {
                for (int i = 0; i < 3; ++i) {
                    int q = int(g() % 3) - 1;
                    blk.q[3 * j + i] = q;
                    f |= uint64_t((q < 0 ? 2 : 0) | (q != 0 ? 1 : 0)) << (2 * i);
                }
            } else {
                int z = code - 1, k = 0;
                for (int i = 0; i < 3; ++i) {
                    if (i == z) { blk.q[3 * j + i] = 0; continue; }
                    int q = int(g() % 7) - 3;
                    blk.q[3 * j + i] = q;
                    f |= uint64_t((q < 0 ? 4 : 0) | std::abs(q)) << (3 * k++);
                }
            }
            field |= f << (6 * j);
        }
    }
    blk.bits = index | (field << 8);
    return blk;
}

int main(int argc, char** argv) {
    if (argc < 6) { std::fprintf(stderr, "usage: core_tb seed tiles ready_mode termination S\n"); return 2; }
    std::mt19937 g(std::atoi(argv[1]));
    const int tiles = std::atoi(argv[2]), ready_mode = std::atoi(argv[3]);
    const int termination = std::atoi(argv[4]), S = std::atoi(argv[5]);
    const int beats_per_tile = 1 + int(g() % 2);  // Mp/24 = 1 or 2

    // Stimulus and expected results.
    std::deque<std::vector<int>> act_beats;                 // R per tile
    std::deque<std::pair<std::vector<Block>, bool>> w_beats; // C blocks, last flag
    std::deque<std::vector<int64_t>> expected;              // one per weight vector
    long long sum_l = 0;
    for (int t = 0; t < tiles; ++t) {
        std::vector<std::vector<int>> a(R, std::vector<int>(C));
        for (int r = 0; r < R; ++r) {
            for (int c = 0; c < C; ++c) a[r][c] = int(g() % (1u << ACT_W)) - (1 << (ACT_W - 1));
            act_beats.push_back(a[r]);
        }
        for (int mb = 0; mb < beats_per_tile; ++mb) {
            std::vector<Block> beat;
            for (int c = 0; c < C; ++c) beat.push_back(random_block(g));
            for (int m = 0; m < 24; ++m) {
                std::vector<int64_t> y(R, 0);
                int maxabs = 0;
                for (int c = 0; c < C; ++c) {
                    maxabs = std::max(maxabs, std::abs(beat[c].q[m]));
                    for (int r = 0; r < R; ++r) y[r] += int64_t(beat[c].q[m]) * a[r][c];
                }
                sum_l += termination ? std::max(1, maxabs) : 3;
                expected.push_back(y);
            }
            w_beats.push_back({beat, mb == beats_per_tile - 1});
        }
    }
    const long long expected_cycles = (long long)tiles * R + sum_l + S + 2;

    Vfineq_core* d = new Vfineq_core;
    d->clk_i = 0; d->rst_ni = 0; d->act_valid_i = 0; d->w_valid_i = 0; d->res_ready_i = 0;
    d->eval(); d->clk_i = 1; d->eval(); d->clk_i = 0; d->eval();
    d->rst_ni = 1; d->eval();

    long long cycle = 0, last_handshake = -1, results = 0, errors = 0;
    const size_t total = expected.size();
    while (results < (long long)total && cycle < 1000000) {
        // Drive inputs for this cycle (clock low).
        d->act_valid_i = !act_beats.empty();
        if (!act_beats.empty())
            for (int c = 0; c < C; ++c) set_bits(d->act_data_i, c * ACT_W, ACT_W, uint64_t(act_beats.front()[c]));
        d->w_valid_i = !w_beats.empty();
        if (!w_beats.empty()) {
            for (int c = 0; c < C; ++c) set_bits(d->w_data_i, 56 * c, 56, w_beats.front().first[c].bits);
            d->w_last_i = w_beats.front().second;
        }
        d->res_ready_i = ready_mode == 0 ? 1 : (g() % 3 != 0);
        d->eval();
        // Sample handshakes before the edge.
        bool act_hs = d->act_valid_i && d->act_ready_o;
        bool w_hs = d->w_valid_i && d->w_ready_o;
        if (d->res_valid_o && d->res_ready_i) {
            const std::vector<int64_t>& y = expected.front();
            for (int r = 0; r < R; ++r) {
                int64_t got = get_signed(d->res_data_o, r * ACC_W, ACC_W);
                if (got != y[r] && errors++ < 10)
                    std::printf("MISMATCH result %lld row %d: got %lld expected %lld\n", results, r, (long long)got, (long long)y[r]);
            }
            expected.pop_front();
            ++results;
            last_handshake = cycle;
        }
        if (act_hs) act_beats.pop_front();
        if (w_hs) w_beats.pop_front();
        d->clk_i = 1; d->eval(); d->clk_i = 0; d->eval();
        ++cycle;
    }
    std::printf("results %lld/%zu errors %lld cycles %lld expected_cycles %lld\n",
                results, total, errors, last_handshake + 1, expected_cycles);
    d->final();
    delete d;
    return 0;
}
