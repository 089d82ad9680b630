package io.fineq.chisel

import chisel3._
import chisel3.experimental.noPrefix
import io.fineq.rtl.FineqConfig

import scala.jdk.CollectionConverters._

/** `fineq_acc`: the signed adder tree of one PE row (pipeline registers after every P levels) and its accumulator.
  * Every width and every register position comes from [[FineqConfig]].
  */
class Acc(cfg: FineqConfig) extends RawModule {
  override def desiredName = "fineq_acc"

  private val cols = cfg.cols
  private val actW = cfg.actWidth

  val clk_i   = IO(Input(Clock()))
  val en_i    = IO(Input(Bool()))
  val sel_i   = IO(Input(UInt(cfg.actBeatWidth.W)))
  val neg_i   = IO(Input(UInt(cols.W)))
  val first_i = IO(Input(Bool()))
  val valid_i = IO(Input(Bool()))
  val y_o     = IO(Output(UInt(cfg.accWidth.W)))

  withClock(clk_i) {
    val leafW = cfg.levelWidth(0)
    // noPrefix: instance and signal names are exactly the Velocity ones (n<level>_<k>, ..._q), which the
    // equivalence check uses to pair registers.
    val leaves: Seq[SInt] = noPrefix(Seq.tabulate(cols) { c =>
      val sel  = sel_i(c * actW + actW - 1, c * actW).asSInt.pad(leafW)
      val leaf = Wire(SInt(leafW.W)).suggestName(s"n0_$c")
      // LEAF_W = ACT_W + 1, so the negation of -2^(ACT_W-1) fits without wrapping.
      leaf := Mux(neg_i(c), 0.S(leafW.W) -% sel, sel)
      leaf
    })

    val sizes = cfg.levelSizes().asScala.map(_.intValue).toSeq
    val tree = noPrefix((1 until sizes.length).foldLeft(leaves) { (below, level) =>
      val width = cfg.levelWidth(level)
      val nodes = Seq.tabulate(sizes(level)) { k =>
        val node = Wire(SInt(width.W)).suggestName(s"n${level}_$k")
        // An odd last node passes through unchanged (sign-extended to this level's width).
        node := (if (2 * k + 1 < below.length) below(2 * k) +& below(2 * k + 1) else below(2 * k).pad(width))
        node
      }
      if (cfg.registeredAfterLevel(level)) {
        nodes.zipWithIndex.map { case (node, k) =>
          val q = Reg(SInt(width.W)).suggestName(s"n${level}_${k}_q") // data register: no reset
          when(en_i) { q := node }
          q
        }
      } else nodes
    })
    require(tree.length == 1, s"adder tree of ${cols} leaves must end in one node")
    require(cfg.treeWidth <= cfg.accWidth, "ACC_W must hold the adder-tree output")

    val acc_q = Reg(SInt(cfg.accWidth.W)) // data register: no reset
    when(en_i && valid_i) {
      acc_q := Mux(first_i, 0.S(cfg.accWidth.W), acc_q) +% tree.head.pad(cfg.accWidth)
    }
    y_o := acc_q.asUInt
  }
}
