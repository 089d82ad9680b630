package io.fineq.rtl;

import java.util.List;

/**
 * Produces the Verilog of one configuration: exactly the modules of {@link ModuleSet}, one
 * {@code <module>.v} file each, in {@link ModuleSet#MODULES} order. Flow files (filelist,
 * synthesis scripts, manifest) are common to all back ends and made by {@link RtlGenerator}.
 */
public interface RtlBackend {

    /** The name selected with {@code --backend}. */
    String name();

    List<GeneratedFile> renderModules(FineqConfig cfg);
}
