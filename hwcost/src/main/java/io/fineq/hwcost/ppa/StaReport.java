package io.fineq.hwcost.ppa;

import io.fineq.hwcost.UserError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the PPA flow reads from an OpenSTA log: sections start with a line {@code @@name}
 * (written by the flow's Tcl script); times in ns, power in W.
 *
 * @param worstSlack      worst setup slack over flip-flop, clock-gate-enable and output endpoints; a latch
 *                        endpoint only counts when it borrows more than it may (negative slack)
 * @param tns             total negative setup slack (report_tns)
 * @param holdSlack       slack of the worst hold path
 * @param startpoint      critical setup path start (netlist name)
 * @param endpoint        critical setup path end (netlist name)
 * @param arrival         data arrival time of that path
 * @param slewViolations  data pins over their max_transition (report_check_types -max_transition;
 *                        clock pins are not counted: clock nets are ideal, left to clock-tree synthesis)
 * @param worstSlewSlack  worst max_transition slack of a data pin
 * @param internalW       internal power, switchingW switching power, leakageW leakage power, totalW their sum
 */
public record StaReport(double worstSlack, double tns, double holdSlack, String startpoint, String endpoint, double arrival,
                        int slewViolations, double worstSlewSlack, String setupPathText) {

    /** Tells whether a pin (netlist path) belongs to a clock network, whose transitions are not checked. */
    public interface ClockPins {
        boolean isClock(String pinPath);
    }

    private static final Pattern WNS = Pattern.compile("wns\\s+(-?[0-9.eE+-]+)");
    private static final Pattern TNS = Pattern.compile("tns\\s+(-?[0-9.eE+-]+)");
    private static final Pattern START = Pattern.compile("Startpoint:\\s+(\\S+)");
    private static final Pattern END = Pattern.compile("Endpoint:\\s+(\\S+)");
    private static final Pattern SLACK = Pattern.compile("(-?[0-9.]+)\\s+slack \\((MET|VIOLATED)\\)");
    private static final Pattern ARRIVAL = Pattern.compile("(-?[0-9.]+)\\s+data arrival time");
    private static final Pattern SLEW_ROW = Pattern.compile("^(\\S+)\\s+[0-9.]+\\s+[0-9.]+\\s+(-?[0-9.]+)\\s*(\\(VIOLATED\\))?", Pattern.MULTILINE);

    public static StaReport parse(String log, ClockPins clocks) {
        String setup = section(log, "setup");
        String hold = section(log, "hold");
        Matcher ss = SLACK.matcher(setup);
        if (!ss.find()) throw new UserError("OpenSTA log has no setup path (no timing endpoint?)");
        double worst = Double.parseDouble(ss.group(1));
        double wns = number(WNS, section(log, "wns"), "report_wns");
        if (wns < 0 && wns < worst) worst = wns;  // a latch borrowing beyond its closing edge
        double tns = number(TNS, section(log, "tns"), "report_tns");
        Matcher st = START.matcher(setup);
        Matcher en = END.matcher(setup);
        String start = st.find() ? st.group(1) : "";
        String end = en.find() ? en.group(1) : "";
        Matcher ar = ARRIVAL.matcher(setup);
        double arrival = ar.find() ? Double.parseDouble(ar.group(1)) : Double.NaN;
        Matcher hs = SLACK.matcher(hold);
        double holdSlack = hs.find() ? Double.parseDouble(hs.group(1)) : Double.POSITIVE_INFINITY;
        int violations = 0;
        double worstSlew = Double.POSITIVE_INFINITY;
        Matcher sr = SLEW_ROW.matcher(section(log, "slew"));
        while (sr.find()) {
            if (sr.group(1).equals("Pin") || clocks.isClock(sr.group(1))) continue;
            double sl = Double.parseDouble(sr.group(2));
            worstSlew = Math.min(worstSlew, sl);
            if (sr.group(3) != null) violations++;
        }
        return new StaReport(worst, tns, holdSlack, start, end, arrival, violations,
                Double.isInfinite(worstSlew) ? 0 : worstSlew, setup.strip());
    }

    /** The text after {@code @@name} up to the next section. */
    static String section(String log, String name) {
        String tag = "@@" + name + "\n";
        int i = log.indexOf(tag);
        if (i < 0) return "";
        int start = i + tag.length();
        int end = log.indexOf("\n@@", start);
        return log.substring(start, end < 0 ? log.length() : end + 1);
    }

    private static double number(Pattern p, String text, String what) {
        Matcher m = p.matcher(text);
        if (!m.find()) throw new UserError("OpenSTA log has no " + what + " result");
        return Double.parseDouble(m.group(1));
    }
}
