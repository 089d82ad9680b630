package io.fineq.chisel

import chisel3._
import chisel3.util._
import chisel3.experimental.noPrefix
import io.fineq.rtl.FineqConfig

/** `fineq_core`: activation loading, the two-entry block queue, C decoders and the array. Ports and names are
  * those of the Velocity `fineq_core`, so either can replace the other (docs/microarchitecture.md section 2).
  */
class FineqCore(cfg: FineqConfig) extends RawModule {
  override def desiredName = "fineq_core"

  private val rows  = cfg.rows
  private val cols  = cfg.cols
  private val blkW  = FineqConfig.BLOCK_BITS
  private val rowW  = cfg.rowIndexWidth

  val clk_i       = IO(Input(Clock()))
  val rst_ni      = IO(Input(Bool()))
  val act_valid_i = IO(Input(Bool()))
  val act_ready_o = IO(Output(Bool()))
  val act_data_i  = IO(Input(UInt(cfg.actBeatWidth.W)))
  val w_valid_i   = IO(Input(Bool()))
  val w_ready_o   = IO(Output(Bool()))
  val w_data_i    = IO(Input(UInt(cfg.weightBeatWidth.W)))
  val w_last_i    = IO(Input(Bool()))
  val res_valid_o = IO(Output(Bool()))
  val res_ready_i = IO(Input(Bool()))
  val res_data_o  = IO(Output(UInt(cfg.resultBeatWidth.W)))

  withClockAndReset(clk_i, (!rst_ni).asAsyncReset) {
    val state_q     = RegInit(false.B) // false = LOAD, true = COMPUTE
    val row_q       = RegInit(0.U(rowW.W))
    val cur_valid_q = RegInit(false.B)
    val cur_last_q  = RegInit(false.B)
    val nxt_valid_q = RegInit(false.B)
    val nxt_last_q  = RegInit(false.B)
    val clu_q       = RegInit(0.U(3.W))
    val pos_q       = RegInit(0.U(2.W))

    val array = Module(new FineqArray(cfg)).suggestName("u_array")
    array.clk_i  := clk_i
    array.rst_ni := rst_ni

    // Activation load: beat r writes PE row r; after row R-1 the tile computes. A beat the array could not
    // write yet (act_pend_o, only under result back-pressure) holds the next one off.
    val actReady = !state_q && !array.act_pend_o
    act_ready_o := actReady
    val actFire = act_valid_i && actReady
    array.act_we_i  := actFire
    array.act_row_i := row_q
    array.act_i     := act_data_i
    when(actFire) {
      val lastRow = row_q === (rows - 1).U
      row_q := Mux(lastRow, 0.U, row_q + 1.U)
      when(lastRow) { state_q := true.B }
    }

    // Two-entry block queue shared by all decoders.
    val vecDone = array.vec_done_o
    w_ready_o := !nxt_valid_q
    val push = w_valid_i && !nxt_valid_q
    val pop  = vecDone && clu_q === 7.U && pos_q === 2.U
    val swap    = pop && nxt_valid_q
    val loadCur = push && (pop || !cur_valid_q)
    val loadNxt = push && !pop && cur_valid_q
    when(pop) {
      when(nxt_valid_q) {
        cur_last_q  := nxt_last_q
        nxt_valid_q := false.B
      }.elsewhen(push) {
        cur_last_q := w_last_i
      }.otherwise {
        cur_valid_q := false.B
      }
      when(cur_last_q) { state_q := false.B }
    }.elsewhen(push) {
      when(!cur_valid_q) {
        cur_valid_q := true.B
        cur_last_q  := w_last_i
      }.otherwise {
        nxt_valid_q := true.B
        nxt_last_q  := w_last_i
      }
    }

    // The decoders' block buffers: one clock gate per buffer serves every column.
    val u_cg_cur = ClockGate(cfg, clk_i, loadCur || swap)
    val u_cg_nxt = ClockGate(cfg, clk_i, loadNxt)
    val weights = noPrefix(Seq.tabulate(cols) { c =>
      val dec = Module(new Decoder(cfg)).suggestName(s"u_dec_$c")
      dec.clk_cur_i  := u_cg_cur.io.clk_o
      dec.clk_nxt_i  := u_cg_nxt.io.clk_o
      dec.blk_i      := w_data_i(blkW * c + blkW - 1, blkW * c)
      dec.load_cur_i := loadCur
      dec.clu_i      := clu_q
      dec.pos_i      := pos_q
      dec.w_o
    })
    array.w_valid_i   := state_q && cur_valid_q
    array.w_i         := Cat(weights.reverse)
    array.res_ready_i := res_ready_i
    res_valid_o       := array.res_valid_o
    res_data_o        := array.res_o

    when(vecDone) {
      pos_q := Mux(pos_q === 2.U, 0.U, pos_q + 1.U)
      when(pos_q === 2.U) { clu_q := clu_q + 1.U }
    }
  }
}
