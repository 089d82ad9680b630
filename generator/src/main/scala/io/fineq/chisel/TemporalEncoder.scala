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
