package io.fineq.chisel

import chisel3._
import chisel3.util._
import io.fineq.rtl.FineqConfig

/** `fineq_pe_row`: the C select-only PEs of one array row. Its activations (`act_i`) sit in the array's
  * activation latches ([[ActLatch]]); each PE's leaf is `act[b] ? x1 : x0` per bit with the most significant bit flipped, an unsigned number
  * (docs/microarchitecture.md section 2, "Leaf arithmetic").
  */
class PeRow(cfg: FineqConfig) extends RawModule {
  override def desiredName = "fineq_pe_row"

  private val cols = cfg.cols
  private val actW = cfg.actWidth

  val act_i  = IO(Input(UInt(cfg.actBeatWidth.W)))
  val x0_i   = IO(Input(UInt(cols.W)))
  val x1_i   = IO(Input(UInt(cols.W)))
  val leaf_o = IO(Output(UInt(cfg.actBeatWidth.W)))

  private val msb = (BigInt(1) << (actW - 1)).U(actW.W)
  leaf_o := Cat(Seq.tabulate(cols) { c =>
    val act = act_i(c * actW + actW - 1, c * actW)
    ((act & Fill(actW, x1_i(c))) | (~act & Fill(actW, x0_i(c)))) ^ msb
  }.reverse)
}
