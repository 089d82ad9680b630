package io.fineq.chisel

import chisel3._
import chisel3.util._
import chisel3.experimental.noPrefix
import io.fineq.rtl.{AdderTreePlan, FineqConfig}

import scala.jdk.CollectionConverters._

/** `fineq_acc`: the unsigned adder tree of one PE row (pipeline registers after every P levels, on `clk_pipe_i`)
  * and its accumulator (on `clk_acc_i`), which starts each vector from `corr_i`. Both clocks are gated in the
  * array, shared by all rows. Every width and register position comes from
  * [[FineqConfig]] through the same [[AdderTreePlan]] the Velocity template spells out.
  */
class Acc(cfg: FineqConfig) extends RawModule {
  override def desiredName = "fineq_acc"

  private val cols = cfg.cols
  private val leafW = cfg.leafWidth

  private val plan = new AdderTreePlan(cfg)
  private val levels = plan.levels().asScala.toSeq

  val clk_pipe_i = if (plan.registeredLevels().isEmpty) None else Some(IO(Input(Clock())).suggestName("clk_pipe_i"))
  val clk_acc_i  = IO(Input(Clock()))
  val leaf_i     = IO(Input(UInt((cols * leafW).W)))
  val first_i    = IO(Input(Bool()))
  val corr_i     = IO(Input(UInt(cfg.accWidth.W)))
  val y_o        = IO(Output(UInt(cfg.accWidth.W)))

  // noPrefix: the pipeline registers are named exactly as in the Velocity RTL (lvl<l>_q, packed), which the
  // equivalence proof uses to pair them.
  private val root: Seq[UInt] = noPrefix(levels.tail.foldLeft(Seq.tabulate(cols)(c => leaf_i(c * leafW + leafW - 1, c * leafW))) {
    (below, level) =>
      val nodes = Seq.tabulate(level.size) { k =>
        // Node k adds nodes 2k and 2k+1 below (+& widens by one bit); an odd last node passes through.
        if (2 * k + 1 < below.length) below(2 * k) +& below(2 * k + 1) else below(2 * k).pad(level.width)
      }
      if (level.registered) {
        val q = withClock(clk_pipe_i.get)(Reg(UInt((level.size * level.width).W))).suggestName(level.output) // data: no reset
        q := Cat(nodes.reverse)
        Seq.tabulate(level.size)(k => q(k * level.width + level.width - 1, k * level.width))
      } else nodes
  })
  require(root.length == 1, s"adder tree of $cols leaves must end in one node")
  // The unary tree is narrower than ACC_W; the shifted one can be as wide (C just above a power of two).
  require(cfg.treeWidth <= cfg.accWidth, "ACC_W must hold the unsigned adder-tree output")

  private val acc_q = withClock(clk_acc_i)(Reg(UInt(cfg.accWidth.W))) // data register: no reset
  acc_q := Mux(first_i, corr_i, acc_q) + root.head.pad(cfg.accWidth)
  y_o := acc_q
}
