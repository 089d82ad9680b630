package io.fineq.hwcost.area;

import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With {@code mvn test -Dliberty=/path/to/cells.lib}: the 8 x 8 area study mapped to the user's
 * library (abc -liberty, stat -liberty). Skipped when no library is given.
 */
class UserLibertyAreaTest {
    @TempDir
    Path tmp;

    @Test
    void areaStudyWithUserLibrary() throws Exception {
        String lib = System.getProperty("liberty", "").strip();
        assumeTrue(!lib.isEmpty(), "no -Dliberty given");
        CellLibrary cells = CellLibrary.select(null, tmp);
        assertThat(cells.builtIn()).isFalse();
        ArrayAreaStudy.Result r = new ArrayAreaStudy().run(new FineqConfig(8, 8, 8, true, 0), cells, tmp);
        System.out.println(AreaTable.breakdown(r) + AreaTable.format(java.util.List.of(r)));
        assertThat(r.fineqArrayGe()).isPositive();
        assertThat(r.macArrayGe()).isGreaterThan(r.fineqArrayGe());
        assertThat(r.ratio()).isBetween(0.2, 0.9);
    }
}
