package io.fineq.chisel

import chisel3._
import chisel3.util._
import chisel3.experimental.noPrefix
import io.fineq.rtl.FineqConfig

/** `fineq_array`: R x C PEs, one temporal encoder per column, one ACC per row, the bit-time counter and the
  * result handshake (docs/microarchitecture.md section 2).
  */
class FineqArray(cfg: FineqConfig) extends RawModule {
  override def desiredName = "fineq_array"

  private val rows = cfg.rows
  private val cols = cfg.cols
  private val actW = cfg.actWidth
  private val accW = cfg.accWidth

  val clk_i       = IO(Input(Clock()))
  val rst_ni      = IO(Input(Bool()))
  val act_we_i    = IO(Input(Bool()))
  val act_row_i   = IO(Input(UInt(cfg.rowIndexWidth.W)))
  val act_i       = IO(Input(UInt(cfg.actBeatWidth.W)))
  val w_valid_i   = IO(Input(Bool()))
  val w_i         = IO(Input(UInt((FineqConfig.WEIGHT_BITS * cols).W)))
  val vec_done_o  = IO(Output(Bool()))
  val res_valid_o = IO(Output(Bool()))
  val res_ready_i = IO(Input(Bool()))
  val res_o       = IO(Output(UInt(cfg.resultBeatWidth.W)))

  withClockAndReset(clk_i, (!rst_ni).asAsyncReset) {
    val t_q         = RegInit(0.U(2.W))
    val res_valid_q = RegInit(false.B)

    // Column c: weight {s, m1, m0} at [3c +: 3].
    val sign = Seq.tabulate(cols)(c => w_i(3 * c + 2))
    val mag  = Seq.tabulate(cols)(c => w_i(3 * c + 1, 3 * c))

    // noPrefix keeps instance and register names exactly as in the Velocity RTL (u_pe_<r>_<c>, vld_s<i>_q, ...).
    val encoders = noPrefix(Seq.tabulate(cols) { c =>
      val enc = Module(new TemporalEncoder).suggestName(s"u_enc_$c")
      enc.mag_i := mag(c)
      enc.t_i   := t_q
      enc
    })
    val last = if (cfg.termination) encoders.map(_.done_o).reduce(_ && _) else t_q === 2.U

    val en    = !res_valid_q || res_ready_i
    val issue = w_valid_i && en
    vec_done_o := issue && last
    when(issue) {
      t_q := Mux(last, 0.U, t_q + 1.U)
    }

    // Stage-0 flags, delayed through the S pipeline stages alongside the adder tree.
    val stages = cfg.pipeStages
    def delay(flag: Bool, name: String): Bool = (1 to stages).foldLeft(flag) { (d, s) =>
      val q = RegInit(false.B).suggestName(s"${name}_s${s}_q")
      when(en) { q := d }
      q
    }
    val validAtAcc = noPrefix(delay(w_valid_i, "vld"))
    val firstAtAcc = noPrefix(delay(t_q === 0.U, "first"))
    val lastAtAcc  = noPrefix(delay(last, "last"))
    when(en) {
      res_valid_q := validAtAcc && lastAtAcc
    }
    res_valid_o := res_valid_q

    val ys = noPrefix(Seq.tabulate(rows) { r =>
      val sels = noPrefix(Seq.tabulate(cols) { c =>
        val pe = Module(new Pe(cfg)).suggestName(s"u_pe_${r}_$c")
        pe.clk_i    := clk_i
        pe.act_we_i := act_we_i && act_row_i === r.U
        pe.act_i    := act_i(c * actW + actW - 1, c * actW)
        pe.bit_i    := encoders(c).bit_o
        pe.sel_o
      })
      val acc = Module(new Acc(cfg)).suggestName(s"u_acc_$r")
      acc.clk_i   := clk_i
      acc.en_i    := en
      acc.sel_i   := Cat(sels.reverse)
      acc.neg_i   := Cat(sign.reverse)
      acc.first_i := firstAtAcc
      acc.valid_i := validAtAcc
      acc.y_o
    })
    require(ys.head.getWidth == accW)
    res_o := Cat(ys.reverse)
  }
}
