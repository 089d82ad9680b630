package io.fineq.chisel

import chisel3._
import io.fineq.rtl.FineqConfig

/** `fineq_pe`: one stationary activation and a select (no multiplier). */
class Pe(cfg: FineqConfig) extends RawModule {
  override def desiredName = "fineq_pe"

  val clk_i    = IO(Input(Clock()))
  val act_we_i = IO(Input(Bool()))
  val act_i    = IO(Input(UInt(cfg.actWidth.W)))
  val bit_i    = IO(Input(Bool()))
  val sel_o    = IO(Output(UInt(cfg.actWidth.W)))

  withClock(clk_i) {
    val act_q = Reg(UInt(cfg.actWidth.W)) // data register: no reset
    when(act_we_i) {
      act_q := act_i
    }
    sel_o := Mux(bit_i, act_q, 0.U)
  }
}
