package io.fineq.chisel

import chisel3._
import chisel3.util._
import io.fineq.rtl.FineqConfig

/** Combinational weight decoding of one packed block (spec section 3), shared by [[Decoder]]. */
object BlockDecode {

  /** Weight {sign, mag[1:0]} at cluster `clu`, position `pos` of the 56-bit block `blk`.
    * Positions 0..2 are the only ones that exist; position 3 reads as zero (3'b000), which is also what
    * the out-of-range case means in the reference format (there is no fourth weight).
    */
  def apply(blk: UInt, clu: UInt, pos: UInt): UInt = {
    val index = blk(7, 0)
    val field = blk(FineqConfig.BLOCK_BITS - 1, 8)
    val pair  = clu >> 1
    val code  = VecInit(Seq.tabulate(4)(p => index(2 * p + 1, 2 * p)))(pair)
    val f     = VecInit(Seq.tabulate(8)(j => field(6 * j + 5, 6 * j)))(clu)

    // Code 00: three 2-bit values {s, m0} widened to {s, 0, m0}.
    val twoBit = MuxLookup(pos, 0.U(3.W))(Seq.tabulate(3)(i => i.U -> Cat(f(2 * i + 1), 0.U(1.W), f(2 * i))))
    // Codes 1..3: position z = code - 1 is zero, the kept positions in increasing order take F[2:0], F[5:3].
    // Kept positions {0,1,2} minus z: the second kept one is 2, except for z = 2 where it is 1.
    val zero       = code - 1.U
    val secondKept = pos === Mux(zero === 2.U, 1.U, 2.U)
    val threeBit   = Mux(pos === zero || pos === 3.U, 0.U(3.W), Mux(secondKept, f(5, 3), f(2, 0)))
    Mux(code === 0.U, twoBit, threeBit)
  }
}

/** `fineq_decoder`: the current/next block registers of one array column and the weight selected by (clu, pos).
  * The registers run on gated clocks from the core (one clock gate per buffer serves every column).
  */
class Decoder(cfg: FineqConfig) extends RawModule {
  override def desiredName = "fineq_decoder"

  val clk_cur_i  = IO(Input(Clock()))
  val clk_nxt_i  = IO(Input(Clock()))
  val blk_i      = IO(Input(UInt(FineqConfig.BLOCK_BITS.W)))
  val load_cur_i = IO(Input(Bool()))
  val clu_i      = IO(Input(UInt(3.W)))
  val pos_i      = IO(Input(UInt(2.W)))
  val w_o        = IO(Output(UInt(FineqConfig.WEIGHT_BITS.W)))

  // Data registers: no reset (docs/microarchitecture.md section 2).
  private val nxt_q = withClock(clk_nxt_i)(RegNext(blk_i))
  private val cur_q = withClock(clk_cur_i)(RegNext(Mux(load_cur_i, blk_i, nxt_q)))
  w_o := BlockDecode(cur_q, clu_i, pos_i)
}
