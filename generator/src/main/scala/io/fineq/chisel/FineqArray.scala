package io.fineq.chisel

import chisel3._
import chisel3.util._
import chisel3.experimental.noPrefix
import io.fineq.rtl.FineqConfig

/** `fineq_array`: R PE rows, one temporal encoder per column, one ACC per row, the bit-time counter, the stage-1
  * column broadcast registers, the flag pipeline, the result handshake and the activation writes
  * (docs/microarchitecture.md section 2).
  */
class FineqArray(cfg: FineqConfig) extends RawModule {
  override def desiredName = "fineq_array"

  private val rows = cfg.rows
  private val cols = cfg.cols
  private val accW = cfg.accWidth
  private val shifted = cfg.core.shifted

  val clk_i       = IO(Input(Clock()))
  val rst_ni      = IO(Input(Bool()))
  val act_we_i    = IO(Input(Bool()))
  val act_row_i   = IO(Input(UInt(cfg.rowIndexWidth.W)))
  val act_i       = IO(Input(UInt(cfg.actBeatWidth.W)))
  val act_pend_o  = IO(Output(Bool()))
  val w_valid_i   = IO(Input(Bool()))
  val w_i         = IO(Input(UInt((FineqConfig.WEIGHT_BITS * cols).W)))
  val vec_done_o  = IO(Output(Bool()))
  val res_valid_o = IO(Output(Bool()))
  val res_ready_i = IO(Input(Bool()))
  val res_o       = IO(Output(UInt(cfg.resultBeatWidth.W)))

  private val asyncReset = (!rst_ni).asAsyncReset

  // noPrefix keeps instance and register names exactly as in the Velocity RTL (u_enc_<c>, vld_s<i>_q, ...).
  noPrefix {
    val t_q         = withClockAndReset(clk_i, asyncReset)(RegInit(0.U(2.W)))
    val res_valid_q = withClockAndReset(clk_i, asyncReset)(RegInit(false.B))

    val en    = !res_valid_q || res_ready_i
    val issue = w_valid_i && en

    // Stage 0: column c's weight {s, m1, m0} at [3c +: 3] and its encoder.
    val sign = VecInit(Seq.tabulate(cols)(c => w_i(3 * c + 2))).asUInt
    val mag  = Seq.tabulate(cols)(c => w_i(3 * c + 1, 3 * c))
    // Unary coding: one bit per column; shifted coding (section 8): select a / select 2a per column.
    val (broadcast, allDone) = if (shifted) {
      val encoders = Seq.tabulate(cols) { c =>
        val enc = Module(new ShiftedEncoder).suggestName(s"u_enc_$c")
        enc.mag_i := mag(c)
        enc.t_i   := t_q(0)
        enc
      }
      (Seq(VecInit(encoders.map(_.sel1_o)).asUInt, VecInit(encoders.map(_.sel2_o)).asUInt), encoders.map(_.done_o).reduce(_ && _))
    } else {
      val encoders = Seq.tabulate(cols) { c =>
        val enc = Module(new TemporalEncoder).suggestName(s"u_enc_$c")
        enc.mag_i := mag(c)
        enc.t_i   := t_q
        enc
      }
      (Seq(VecInit(encoders.map(_.bit_o)).asUInt ^ sign), encoders.map(_.done_o).reduce(_ && _))
    }
    val last = if (cfg.termination) allDone else t_q === (cfg.maxBitTimes - 1).U && allDone
    vec_done_o := issue && last
    t_q := Mux(issue, Mux(last, 0.U, t_q + 1.U), t_q)

    // L of the vector and its sign correction L * (negative columns - C * 2^(LEAF_W-1)).
    val m1 = VecInit(mag.map(_(1))).asUInt
    val m0 = VecInit(mag.map(_(0))).asUInt
    val vecLen: UInt = if (cfg.termination && shifted) {
      Mux((m1 & m0).orR, 2.U(2.W), 1.U(2.W))
    } else if (cfg.termination) {
      val maxMag = Mux(m1.orR, Mux((m1 & m0).orR, 3.U(2.W), 2.U(2.W)), Mux(m0.orR, 1.U(2.W), 0.U(2.W)))
      Mux(maxMag === 0.U, 1.U(2.W), maxMag)
    } else cfg.maxBitTimes.U(2.W)
    val negCount = 0.U(accW.W) | PopCount(sign) // PopCount gives a Bool when C = 1, which cannot pad
    val negBias  = BigInt(cfg.negativeBias).U(accW.W)
    val negCorr  = negCount -% negBias
    val negTwice = Cat(negCorr(accW - 2, 0), 0.U(1.W))
    val vecCorr  = Mux(vecLen(0), negCorr, 0.U(accW.W)) +% Mux(vecLen(1), negTwice, 0.U(accW.W))

    // Stage 1: column broadcast copies, the correction and the flags, clock-gated by en.
    val u_cg_s1 = ClockGate(cfg, clk_i, en)
    val clkS1 = u_cg_s1.io.clk_o
    val x0_q = withClock(clkS1)(RegNext(sign)).suggestName("x0_q")
    val x1_q = withClock(clkS1)(RegNext(broadcast(0))).suggestName("x1_q")
    val x2_q = if (shifted) Some(withClock(clkS1)(RegNext(broadcast(1))).suggestName("x2_q")) else None
    val stages = cfg.pipeStages
    val corr = (1 to stages + 1).scanLeft(vecCorr) { (d, s) =>
      withClock(clkS1)(RegNext(d)).suggestName(s"corr_s${s}_q")
    }
    def flags(d0: Bool, name: String): Seq[Bool] = (1 to stages + 1).scanLeft(d0) { (d, s) =>
      val q = withClockAndReset(clkS1, asyncReset)(RegInit(false.B)).suggestName(s"${name}_s${s}_q")
      q := d
      q
    }
    val vld   = flags(w_valid_i, "vld")
    val first = flags(t_q === 0.U, "first")
    val lst   = flags(last, "last")
    res_valid_q := Mux(en, vld.last && lst.last, res_valid_q)
    res_valid_o := res_valid_q

    // Activation writes: a beat lands in its PE row once stage 1 holds nothing it still has to read.
    val act_pend_q = withClockAndReset(clk_i, asyncReset)(RegInit(false.B))
    val actSafe    = !vld(1) || en
    val actReq     = act_we_i || act_pend_q
    val actGo      = actReq && actSafe
    act_pend_q := actReq && !actSafe
    act_pend_o := act_pend_q
    val u_cg_act   = ClockGate(cfg, clk_i, act_we_i)
    val clkAct     = u_cg_act.io.clk_o
    val act_row_q  = withClock(clkAct)(RegNext(act_row_i)).suggestName("act_row_q")
    val act_data_q = withClock(clkAct)(RegNext(act_i)).suggestName("act_data_q")
    val actRow     = Mux(act_we_i, act_row_i, act_row_q)

    // The PE rows' activation latches and their bank of row clock gates.
    val u_act = Module(new ActLatch(cfg))
    u_act.io.clk_i := clk_i
    u_act.io.we_i  := VecInit(Seq.tabulate(rows)(r => actGo && actRow === r.U)).asUInt
    u_act.io.d_i   := act_data_q
    val actRows = u_act.io.q_o

    // One clock gate for every accumulator: they all load on the same bit-times.
    val u_cg_acc = ClockGate(cfg, clk_i, en && vld.last)
    val beatW = cfg.actBeatWidth
    val ys = noPrefix(Seq.tabulate(rows) { r =>
      val pe = Module(new PeRow(cfg)).suggestName(s"u_pe_$r")
      pe.act_i := actRows(beatW * r + beatW - 1, beatW * r)
      pe.x0_i  := x0_q
      pe.x1_i  := x1_q
      pe.x2_i.foreach(_ := x2_q.get)
      val acc = Module(new Acc(cfg)).suggestName(s"u_acc_$r")
      acc.clk_pipe_i.foreach(_ := clkS1) // the tree's pipeline registers load with stage 1
      acc.clk_acc_i := u_cg_acc.io.clk_o
      acc.leaf_i    := pe.leaf_o
      acc.first_i   := first.last
      acc.corr_i    := corr.last
      acc.y_o
    })
    require(ys.head.getWidth == accW)
    res_o := Cat(ys.reverse)
  }
}
