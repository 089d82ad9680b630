// Verilator harness for fineq_accel (docs/accelerator.md, "Verification").
//
// The harness is the SoC around the accelerator: a memory behind an AXI4 slave model with random
// latency, back-pressure on every channel and error responses, and a CPU that writes the
// registers over AXI4-Lite and waits for the interrupt. Arguments:
//   mem=FILE       initial memory image (bytes from address 0); size = the file's size
//   regs=FILE      register script, one command per line:
//                    w <offset> <value>   AXI4-Lite write (hex)
//                    r <offset>           AXI4-Lite read, printed as "read <offset> <value>"
//                    wait                 run until irq_o (or max_cycles)
//   out=FILE       final memory image
//   log=FILE       results: "read ...", "irq_cycle <n>", "cycles <n>" (simulated cycles in all),
//                  "ar_bursts <n>", "aw_bursts <n>", "r_beats <n>", "w_beats <n>"
//   seed=S         xorshift64 seed
//   stall=P        each cycle each ready (AR, AW, W, AXI4-Lite B/R ready) is low with probability
//                  P/100, and R and B beats are held back with probability P/100
//   lat_min=A lat_max=B   cycles from a read address to its first data beat (uniform A..B)
//   err_lo=X err_hi=Y      bursts touching [X, Y) get SLVERR (reads still carry data; writes are dropped)
//   max_cycles=M   give up (exit 3)
//   coverage=FILE  Verilator coverage counters of the job, from the end of reset (only when built
//                  with --coverage-toggle: the PPA flow's switching activity)
// Protocol checks (exit 4 with "protocol: ..."): on AR, AW and W, a raised valid stays until its
// handshake and the payload is stable meanwhile; bursts are INCR, full-width, aligned, at most 256
// beats and inside one 4 KB page; WLAST marks exactly each burst's last beat; on the AXI4-Lite
// slave, BVALID and RVALID (with RDATA) hold until their handshake.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "Vfineq_accel.h"
#include "verilated.h"
#if VM_COVERAGE
#include "verilated_cov.h"
#endif

namespace {

uint64_t rng_state = 1;
uint64_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}
int stall_pct = 0;
bool stalled() { return stall_pct > 0 && static_cast<int>(next_rand() % 100) < stall_pct; }

[[noreturn]] void protocol(const std::string& what, uint64_t cycle) {
    std::cerr << "protocol: " << what << " at cycle " << cycle << "\n";
    std::exit(4);
}

template <typename T>
void put_bytes(T& port, const uint8_t* src, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n && i < 8; ++i) v |= static_cast<uint64_t>(src[i]) << (8 * i);
    port = static_cast<T>(v);
}
template <std::size_t N>
void put_bytes(VlWide<N>& port, const uint8_t* src, int n) {
    for (std::size_t w = 0; w < N; ++w) {
        uint32_t v = 0;
        for (int b = 0; b < 4; ++b) {
            int i = static_cast<int>(w) * 4 + b;
            if (i < n) v |= static_cast<uint32_t>(src[i]) << (8 * b);
        }
        port[w] = v;
    }
}
template <typename T>
void get_bytes(const T& port, uint8_t* dst, int n) {
    uint64_t v = static_cast<uint64_t>(port);
    for (int i = 0; i < n; ++i) dst[i] = static_cast<uint8_t>(v >> (8 * i));
}
template <std::size_t N>
void get_bytes(const VlWide<N>& port, uint8_t* dst, int n) {
    for (int i = 0; i < n; ++i) dst[i] = static_cast<uint8_t>(port[i / 4] >> (8 * (i % 4)));
}
template <typename T>
uint64_t strobe_bits(const T& port) { return static_cast<uint64_t>(port); }

struct Burst {
    uint32_t addr;
    int beats;
    int done = 0;
    uint64_t ready_at = 0;
    bool error = false;
};

// A stability check for one valid/payload channel of the DUT's outputs.
struct Hold {
    bool pending = false;
    std::vector<uint8_t> payload;
    void check(bool valid, bool ready, const std::vector<uint8_t>& now, const char* name, uint64_t cycle) {
        if (pending) {
            if (!valid) protocol(std::string(name) + "VALID dropped before its handshake", cycle);
            if (now != payload) protocol(std::string(name) + " payload changed while waiting", cycle);
        }
        pending = valid && !ready;
        payload = now;
    }
};

}  // namespace

int main(int argc, char** argv) {
    std::string mem_file, regs_file, out_file, log_file, cov_file;
    uint64_t max_cycles = 10000000, lat_min = 1, lat_max = 1;
    uint64_t err_lo = 0, err_hi = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto eq = a.find('=');
        if (eq == std::string::npos) continue;
        std::string k = a.substr(0, eq), v = a.substr(eq + 1);
        if (k == "mem") mem_file = v;
        else if (k == "regs") regs_file = v;
        else if (k == "out") out_file = v;
        else if (k == "log") log_file = v;
        else if (k == "coverage") cov_file = v;
        else if (k == "seed") rng_state = std::strtoull(v.c_str(), nullptr, 10) * 2654435761ULL + 1;
        else if (k == "stall") stall_pct = std::atoi(v.c_str());
        else if (k == "lat_min") lat_min = std::strtoull(v.c_str(), nullptr, 10);
        else if (k == "lat_max") lat_max = std::strtoull(v.c_str(), nullptr, 10);
        else if (k == "err_lo") err_lo = std::strtoull(v.c_str(), nullptr, 0);
        else if (k == "err_hi") err_hi = std::strtoull(v.c_str(), nullptr, 0);
        else if (k == "max_cycles") max_cycles = std::strtoull(v.c_str(), nullptr, 10);
    }
    std::vector<uint8_t> mem;
    {
        std::ifstream in(mem_file, std::ios::binary);
        if (!in) { std::cerr << "error: cannot read " << mem_file << "\n"; return 2; }
        mem.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::vector<std::string> script;
    {
        std::ifstream in(regs_file);
        if (!in) { std::cerr << "error: cannot read " << regs_file << "\n"; return 2; }
        std::string line;
        while (std::getline(in, line)) if (!line.empty()) script.push_back(line);
    }
    std::ofstream log(log_file);

    auto ctx = std::make_unique<VerilatedContext>();
    ctx->commandArgs(argc, argv);
    auto top = std::make_unique<Vfineq_accel>(ctx.get());
    const int bus_bytes = static_cast<int>(sizeof(top->m_axi_rdata_i) >= 8 ? sizeof(top->m_axi_rdata_i) : 8);
    const int size_log = __builtin_ctz(bus_bytes);

    uint64_t cycle = 0;
    auto in_err = [&](uint64_t lo, uint64_t hi) { return err_hi > err_lo && lo < err_hi && hi > err_lo; };
    auto check_burst = [&](uint32_t addr, int len, int size, int burst, const char* ch) {
        if (size != size_log) protocol(std::string(ch) + "SIZE is not the bus width", cycle);
        if (burst != 1) protocol(std::string(ch) + "BURST is not INCR", cycle);
        if (addr % bus_bytes) protocol(std::string(ch) + "ADDR not aligned to the bus", cycle);
        if ((addr & 4095u) + static_cast<uint64_t>(len + 1) * bus_bytes > 4096)
            protocol(std::string(ch) + " burst crosses a 4 KB page", cycle);
        if (static_cast<uint64_t>(addr) + static_cast<uint64_t>(len + 1) * bus_bytes > mem.size())
            protocol(std::string(ch) + " burst outside the memory image", cycle);
    };

    std::deque<Burst> reads, writes, responses;
    std::deque<std::vector<uint8_t>> w_data, w_strb;
    std::deque<bool> w_last;   // WLAST of each received beat, checked when its burst completes
    uint64_t ar_bursts = 0, aw_bursts = 0, r_beats = 0, w_beats = 0;
    Hold ar_hold, aw_hold, w_hold, lb_hold, lr_hold;
    bool r_valid = false, b_valid = false;
    Burst b_cur;

    // AXI4-Lite master state
    size_t pc = 0;
    int lite_phase = 0;  // 0 idle, 1 write (aw/w), 2 wait b, 3 read ar, 4 wait r, 5 wait irq
    bool aw_done = false, w_done = false;
    uint32_t lite_addr = 0, lite_data = 0;
    int exit_code = 0;

    top->clk_i = 0;
    top->rst_ni = 0;
    top->eval();
    for (int i = 0; i < 4; ++i) { top->clk_i = 1; top->eval(); top->clk_i = 0; top->eval(); }
    top->rst_ni = 1;
#if VM_COVERAGE
    ctx->coveragep()->zero();
#endif
    top->eval();

    std::vector<uint8_t> rbuf(bus_bytes), wbuf(bus_bytes), sbuf(8);
    while (true) {
        if (cycle >= max_cycles) { std::cerr << "timeout after " << cycle << " cycles\n"; exit_code = 3; break; }
        // ---- drive the CPU (AXI4-Lite)
        if (lite_phase == 0) {
            if (pc >= script.size()) break;
            std::istringstream ss(script[pc]);
            std::string op;
            ss >> op;
            if (op == "w") { ss >> std::hex >> lite_addr >> lite_data; lite_phase = 1; aw_done = w_done = false; }
            else if (op == "r") { ss >> std::hex >> lite_addr; lite_phase = 3; }
            else if (op == "wait") { lite_phase = 5; }
            else { std::cerr << "error: " << regs_file << ": bad command '" << script[pc] << "'\n"; return 2; }
        }
        top->s_axil_awvalid_i = lite_phase == 1 && !aw_done;
        top->s_axil_awaddr_i = lite_addr;
        top->s_axil_wvalid_i = lite_phase == 1 && !w_done;
        top->s_axil_wdata_i = lite_data;
        top->s_axil_wstrb_i = 0xF;
        top->s_axil_bready_i = lite_phase == 2 && !stalled();
        top->s_axil_arvalid_i = lite_phase == 3;
        top->s_axil_araddr_i = lite_addr;
        top->s_axil_rready_i = lite_phase == 4 && !stalled();
        // ---- drive the memory (AXI4 slave)
        top->m_axi_arready_i = !stalled();
        top->m_axi_awready_i = !stalled();
        top->m_axi_wready_i = !stalled();
        if (!r_valid && !reads.empty() && reads.front().ready_at <= cycle && !stalled()) r_valid = true;
        if (r_valid) {
            Burst& b = reads.front();
            uint32_t a = b.addr + static_cast<uint32_t>(b.done * bus_bytes);
            put_bytes(top->m_axi_rdata_i, &mem[a], bus_bytes);
            top->m_axi_rresp_i = b.error ? 2 : 0;
            top->m_axi_rlast_i = b.done == b.beats - 1;
        }
        top->m_axi_rvalid_i = r_valid;
        if (!b_valid && !responses.empty() && responses.front().ready_at <= cycle && !stalled()) {
            b_valid = true;
            b_cur = responses.front();
        }
        top->m_axi_bvalid_i = b_valid;
        top->m_axi_bresp_i = b_valid && b_cur.error ? 2 : 0;
        top->eval();

        // ---- sample handshakes before the edge, check the protocol
        bool ar = top->m_axi_arvalid_o && top->m_axi_arready_i;
        bool aw = top->m_axi_awvalid_o && top->m_axi_awready_i;
        bool w = top->m_axi_wvalid_o && top->m_axi_wready_i;
        bool r = r_valid && top->m_axi_rready_o;
        bool bh = b_valid && top->m_axi_bready_o;
        {
            std::vector<uint8_t> p(12);
            std::memcpy(&p[0], &top->m_axi_araddr_o, 4); p[4] = top->m_axi_arlen_o; p[5] = top->m_axi_arsize_o; p[6] = top->m_axi_arburst_o;
            ar_hold.check(top->m_axi_arvalid_o, top->m_axi_arready_i, p, "AR", cycle);
            std::memcpy(&p[0], &top->m_axi_awaddr_o, 4); p[4] = top->m_axi_awlen_o; p[5] = top->m_axi_awsize_o; p[6] = top->m_axi_awburst_o;
            aw_hold.check(top->m_axi_awvalid_o, top->m_axi_awready_i, p, "AW", cycle);
            get_bytes(top->m_axi_wdata_o, wbuf.data(), bus_bytes);
            std::vector<uint8_t> wp(wbuf);
            uint64_t st = strobe_bits(top->m_axi_wstrb_o);
            for (int i = 0; i < 8; ++i) wp.push_back(static_cast<uint8_t>(st >> (8 * i)));
            wp.push_back(top->m_axi_wlast_o);
            w_hold.check(top->m_axi_wvalid_o, top->m_axi_wready_i, wp, "W", cycle);
            std::vector<uint8_t> lb(1, 0), lr(4);
            lb_hold.check(top->s_axil_bvalid_o, top->s_axil_bready_i, lb, "AXI4-Lite B", cycle);
            std::memcpy(&lr[0], &top->s_axil_rdata_o, 4);
            lr_hold.check(top->s_axil_rvalid_o, top->s_axil_rready_i, lr, "AXI4-Lite R", cycle);
        }
        if (ar) {
            check_burst(top->m_axi_araddr_o, top->m_axi_arlen_o, top->m_axi_arsize_o, top->m_axi_arburst_o, "AR");
            Burst b;
            b.addr = top->m_axi_araddr_o;
            b.beats = top->m_axi_arlen_o + 1;
            b.ready_at = cycle + lat_min + (lat_max > lat_min ? next_rand() % (lat_max - lat_min + 1) : 0);
            b.error = in_err(b.addr, static_cast<uint64_t>(b.addr) + static_cast<uint64_t>(b.beats) * bus_bytes);
            reads.push_back(b);
            ++ar_bursts;
        }
        if (aw) {
            check_burst(top->m_axi_awaddr_o, top->m_axi_awlen_o, top->m_axi_awsize_o, top->m_axi_awburst_o, "AW");
            Burst b;
            b.addr = top->m_axi_awaddr_o;
            b.beats = top->m_axi_awlen_o + 1;
            writes.push_back(b);
            ++aw_bursts;
        }
        if (w) {
            // W may lead AW; its WLAST is checked against the burst it belongs to, in order.
            std::vector<uint8_t> d(bus_bytes), s(bus_bytes);
            get_bytes(top->m_axi_wdata_o, d.data(), bus_bytes);
            uint64_t st = strobe_bits(top->m_axi_wstrb_o);
            for (int i = 0; i < bus_bytes; ++i) s[i] = (st >> i) & 1;
            w_data.push_back(d);
            w_strb.push_back(s);
            w_last.push_back(top->m_axi_wlast_o);
            ++w_beats;
        }
        // ---- the rising edge
        bool lite_aw = top->s_axil_awvalid_i && top->s_axil_awready_o;
        bool lite_w = top->s_axil_wvalid_i && top->s_axil_wready_o;
        bool lite_b = top->s_axil_bvalid_o && top->s_axil_bready_i;
        bool lite_ar = top->s_axil_arvalid_i && top->s_axil_arready_o;
        bool lite_r = top->s_axil_rvalid_o && top->s_axil_rready_i;
        uint32_t lite_rdata = top->s_axil_rdata_o;
        bool irq = top->irq_o;
        top->clk_i = 1;
        top->eval();
        top->clk_i = 0;
        top->eval();
        ++cycle;

        // ---- memory state after the edge
        if (r) {
            Burst& b = reads.front();
            ++b.done;
            ++r_beats;
            r_valid = false;
            if (b.done == b.beats) reads.pop_front();
        }
        if (bh) { b_valid = false; responses.pop_front(); }
        // Complete writes whose address and all data beats arrived.
        while (!writes.empty() && static_cast<int>(w_data.size()) >= writes.front().beats) {
            Burst b = writes.front();
            writes.pop_front();
            b.error = in_err(b.addr, static_cast<uint64_t>(b.addr) + static_cast<uint64_t>(b.beats) * bus_bytes);
            for (int k = 0; k < b.beats; ++k) {
                if (w_last.front() != (k == b.beats - 1)) protocol("WLAST not on exactly the burst's last beat", cycle);
                w_last.pop_front();
                uint32_t a = b.addr + static_cast<uint32_t>(k * bus_bytes);
                if (!b.error)
                    for (int i = 0; i < bus_bytes; ++i) if (w_strb.front()[i]) mem[a + i] = w_data.front()[i];
                w_data.pop_front();
                w_strb.pop_front();
            }
            b.ready_at = cycle + 1 + (lat_max > 0 ? next_rand() % (lat_max + 1) : 0);
            responses.push_back(b);
        }
        // ---- CPU state after the edge
        if (lite_phase == 1) {
            if (lite_aw) aw_done = true;
            if (lite_w) w_done = true;
            if (aw_done && w_done) lite_phase = 2;
        } else if (lite_phase == 2 && lite_b) {
            lite_phase = 0; ++pc;
        } else if (lite_phase == 3 && lite_ar) {
            lite_phase = 4;
        } else if (lite_phase == 4 && lite_r) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "read %x %x", lite_addr, lite_rdata);
            log << buf << "\n";
            lite_phase = 0; ++pc;
        } else if (lite_phase == 5 && irq) {
            log << "irq_cycle " << cycle << "\n";
            lite_phase = 0; ++pc;
        }
    }
    if (!w_data.empty() || !writes.empty()) protocol("W beats and AW bursts do not match", cycle);
    log << "cycles " << cycle << "\n";
    log << "ar_bursts " << ar_bursts << "\naw_bursts " << aw_bursts << "\nr_beats " << r_beats << "\nw_beats " << w_beats << "\n";
    log.close();
    std::ofstream out(out_file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(mem.data()), static_cast<std::streamsize>(mem.size()));
    top->final();
#if VM_COVERAGE
    if (!cov_file.empty()) ctx->coveragep()->write(cov_file.c_str());
#endif
    return exit_code;
}
