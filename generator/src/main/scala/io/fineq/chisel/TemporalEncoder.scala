package io.fineq.chisel

import chisel3._

/** `fineq_temporal_encoder`: bit t of a magnitude's temporal code and this column's early-termination vote. */
class TemporalEncoder extends RawModule {
  override def desiredName = "fineq_temporal_encoder"

  val mag_i  = IO(Input(UInt(2.W)))
  val t_i    = IO(Input(UInt(2.W)))
  val bit_o  = IO(Output(Bool()))
  val done_o = IO(Output(Bool()))

  bit_o  := t_i < mag_i
  // +& widens to 3 bits, so t = 3 does not wrap (the Verilog form compares at 32 bits).
  done_o := (t_i +& 1.U) >= mag_i
}

/** `fineq_temporal_encoder` of the shifted coding (docs/microarchitecture.md section 8): in bit-time 0 select 2a for
  * |w| >= 2 or a for |w| = 1, in bit-time 1 select a for |w| = 3; done when nothing follows.
  */
class ShiftedEncoder extends RawModule {
  override def desiredName = "fineq_temporal_encoder"

  val mag_i  = IO(Input(UInt(2.W)))
  val t_i    = IO(Input(Bool()))
  val sel1_o = IO(Output(Bool()))
  val sel2_o = IO(Output(Bool()))
  val done_o = IO(Output(Bool()))

  private val three = mag_i(1) && mag_i(0)
  sel2_o := !t_i && mag_i(1)
  sel1_o := Mux(t_i, three, mag_i(0) && !mag_i(1))
  done_o := t_i || !three
}
