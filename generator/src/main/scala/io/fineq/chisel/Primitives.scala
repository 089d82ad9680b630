package io.fineq.chisel

import chisel3._
import chisel3.util.HasBlackBoxInline
import io.fineq.rtl.{FineqConfig, VelocityBackend}

/** `fineq_clock_gate`: the generic integrated clock gate (a single gate here: the parameter N keeps its default
  * of 1; the PE rows' bank of gates lives inside [[ActLatch]]). A technology primitive (Chisel has no latches):
  * its Verilog is the Velocity template's, inlined verbatim, so both back ends share it and the synthesis flows
  * map it onto the library's clock-gating cell.
  */
class ClockGate(cfg: FineqConfig) extends BlackBox with HasBlackBoxInline {
  override def desiredName = "fineq_clock_gate"

  val io = IO(new Bundle {
    val clk_i     = Input(Clock())
    val en_i      = Input(Bool())
    val test_en_i = Input(Bool())
    val clk_o     = Output(Clock())
  })

  setInline(desiredName + ".v", VelocityBackend.primitiveBody(cfg, desiredName))
}

object ClockGate {

  /** A clock gate on `clk` enabled by `en` (test enable tied low). Callers hold it in a val named like the
    * Velocity instance (`val u_cg_acc = ClockGate(...)`), which names the instance.
    */
  def apply(cfg: FineqConfig, clk: Clock, en: Bool): ClockGate = {
    val cg = Module(new ClockGate(cfg))
    cg.io.clk_i     := clk
    cg.io.en_i      := en
    cg.io.test_en_i := false.B
    cg
  }
}

/** `fineq_act_latch`: the activation storage of all PE rows, a bank of row clock gates (enables `we_i`) and the
  * rows' latches, transparent while their gated clock is high (a technology primitive, inlined from the Velocity
  * template like [[ClockGate]]).
  */
class ActLatch(cfg: FineqConfig) extends BlackBox with HasBlackBoxInline {
  override def desiredName = "fineq_act_latch"

  val io = IO(new Bundle {
    val clk_i = Input(Clock())
    val we_i  = Input(UInt(cfg.rows.W))
    val d_i   = Input(UInt(cfg.actBeatWidth.W))
    val q_o   = Output(UInt((cfg.rows * cfg.actBeatWidth).W))
  })

  setInline(desiredName + ".v", VelocityBackend.primitiveBody(cfg, desiredName))
}
