package io.fineq.chisel

import chisel3._
import io.fineq.rtl.FineqConfig

import java.nio.file.Path

/** The three FineQ streams, as a Chisel user's SoC would see them (valid/ready, data). */
class FineqStreams(cfg: FineqConfig) extends Bundle {
  val act_valid = Input(Bool())
  val act_ready = Output(Bool())
  val act_data  = Input(UInt(cfg.actBeatWidth.W))
  val w_valid   = Input(Bool())
  val w_ready   = Output(Bool())
  val w_data    = Input(UInt(cfg.weightBeatWidth.W))
  val w_last    = Input(Bool())
  val res_valid = Output(Bool())
  val res_ready = Input(Bool())
  val res_data  = Output(UInt(cfg.resultBeatWidth.W))
}

/** A small Chisel design that uses a FineQ core the way docs/chisel.md shows: with the implicit clock and a
  * synchronous reset turned into the core's active-low reset. `blackBox` picks the Velocity Verilog through
  * [[FineqCoreBlackBox]], otherwise the native Chisel [[FineqCore]]; the two elaborate to the same netlist.
  */
class CoreHarness(cfg: FineqConfig, blackBox: Boolean, verilogDir: Option[Path] = None) extends Module {
  override def desiredName = "core_harness"
  val io = IO(new FineqStreams(cfg))

  if (blackBox) {
    val core = Module(new FineqCoreBlackBox(cfg, verilogDir))
    core.suggestName("u_core")
    core.io.clk_i       := clock
    core.io.rst_ni      := !reset.asBool
    core.io.act_valid_i := io.act_valid
    io.act_ready        := core.io.act_ready_o
    core.io.act_data_i  := io.act_data
    core.io.w_valid_i   := io.w_valid
    io.w_ready          := core.io.w_ready_o
    core.io.w_data_i    := io.w_data
    core.io.w_last_i    := io.w_last
    io.res_valid        := core.io.res_valid_o
    core.io.res_ready_i := io.res_ready
    io.res_data         := core.io.res_data_o
  } else {
    val core = Module(new FineqCore(cfg))
    core.suggestName("u_core")
    core.clk_i       := clock
    core.rst_ni      := !reset.asBool
    core.act_valid_i := io.act_valid
    io.act_ready     := core.act_ready_o
    core.act_data_i  := io.act_data
    core.w_valid_i   := io.w_valid
    io.w_ready       := core.w_ready_o
    core.w_data_i    := io.w_data
    core.w_last_i    := io.w_last
    io.res_valid     := core.res_valid_o
    core.res_ready_i := io.res_ready
    io.res_data      := core.res_data_o
  }
}

/** Java entry for the tests: the harness's Verilog, module name -> text. */
object CoreHarness {
  def verilog(cfg: FineqConfig, blackBox: Boolean): java.util.SortedMap[String, String] =
    ChiselBackend.verilogOf(new CoreHarness(cfg, blackBox))

  def verilogWithFiles(cfg: FineqConfig, verilogDir: Path): java.util.SortedMap[String, String] =
    ChiselBackend.verilogOf(new CoreHarness(cfg, blackBox = true, Some(verilogDir)))
}
