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
  private val leafW = cfg.leafWidth
  private val shifted = cfg.core.shifted

  val act_i  = IO(Input(UInt(cfg.actBeatWidth.W)))
  val x0_i   = IO(Input(UInt(cols.W)))
  val x1_i   = IO(Input(UInt(cols.W)))
  /** The shifted coding's "select 2a" broadcast (docs/microarchitecture.md section 8). */
  val x2_i   = if (shifted) Some(IO(Input(UInt(cols.W))).suggestName("x2_i")) else None
  val leaf_o = IO(Output(UInt((cols * leafW).W)))

  private val msb = (BigInt(1) << (leafW - 1)).U(leafW.W)
  leaf_o := Cat(Seq.tabulate(cols) { c =>
    val act = act_i(c * actW + actW - 1, c * actW)
    if (shifted) {
      val a1 = Cat(act(actW - 1), act)
      val a2 = Cat(act, 0.U(1.W))
      (Fill(leafW, x0_i(c)) ^ ((a1 & Fill(leafW, x1_i(c))) | (a2 & Fill(leafW, x2_i.get(c))))) ^ msb
    } else {
      ((act & Fill(actW, x1_i(c))) | (~act & Fill(actW, x0_i(c)))) ^ msb
    }
  }.reverse)
}
