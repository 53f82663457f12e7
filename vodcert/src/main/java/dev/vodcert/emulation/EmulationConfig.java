package dev.vodcert.emulation;

import java.util.Locale;

/**
 * Which parts of the emulation are on ({@code serve --dns emulated}, {@code --clock emulated}); both
 * off by default: the CNAME check asks the real resolver and time is the system's.
 *
 * @param dns the CNAME check answers from {@link EmulatedDns} instead of a resolver
 * @param clock free-certificate time runs on an {@link EmulatorClock} that can be moved forward
 */
public record EmulationConfig(boolean dns, boolean clock) {
    public static final EmulationConfig OFF = new EmulationConfig(false, false);
    public static final EmulationConfig ALL = new EmulationConfig(true, true);

    public boolean any() {
        return dns || clock;
    }

    /**
     * From the {@code serve} switches.
     *
     * @param dnsMode {@code resolver} (default) or {@code emulated}
     * @param clockMode {@code system} (default) or {@code emulated}
     */
    public static EmulationConfig of(String dnsMode, String clockMode) {
        return new EmulationConfig(mode("--dns", dnsMode, "resolver"), mode("--clock", clockMode, "system"));
    }

    private static boolean mode(String option, String value, String real) {
        String v = value == null ? real : value.toLowerCase(Locale.ROOT);
        if (v.equals("emulated")) {
            return true;
        }
        if (v.equals(real)) {
            return false;
        }
        throw new IllegalArgumentException(option + " must be " + real + " or emulated, not " + value);
    }
}
