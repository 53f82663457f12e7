package dev.vodcert.console;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The expiry timeline: certificates domains serve expiring on each of the next {@value #DAYS} days
 * (UTC), one SVG bar per day drawn on the server (no script); and the renewal calendar: issued free
 * certificates due for renewal on each day of the next {@value #CALENDAR_WEEKS} weeks.
 */
final class TimelinePage {
    static final int DAYS = 90;
    static final int CALENDAR_WEEKS = 5;
    private static final int BAR = 8;
    private static final int HEIGHT = 160;

    private TimelinePage() {
    }

    static Html render(LocalDate today, long[] expiries, long[] renewals) {
        return Html.of("<h2>Expiring per day, next {} days (UTC)</h2>{}<h2>Renewal calendar</h2>{}", DAYS,
                chart(today, expiries), calendar(today, renewals));
    }

    private static Html chart(LocalDate today, long[] perDay) {
        long max = 1;
        long total = 0;
        for (long n : perDay) {
            max = Math.max(max, n);
            total += n;
        }
        List<Html> bars = new ArrayList<>();
        for (int day = 0; day < perDay.length; day++) {
            long h = perDay[day] == 0 ? 0 : Math.max(2, perDay[day] * (HEIGHT - 20) / max);
            String date = today.plusDays(day).toString();
            bars.add(Html.of("<rect class=\"day{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" data-date=\"{}\" "
                            + "data-count=\"{}\"><title>{}: {} certificate(s)</title></rect>",
                    perDay[day] > 0 ? " has" : "", day * BAR, HEIGHT - h, BAR - 1, h, date, perDay[day], date,
                    perDay[day]));
        }
        return Html.of("<figure><svg id=\"expiry-timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
                        + "width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"Certificates expiring per day\">{}"
                        + "<line class=\"axis\" x1=\"0\" y1=\"{}\" x2=\"{}\" y2=\"{}\"></line></svg>"
                        + "<figcaption>{} to {}: <span id=\"timeline-total\">{}</span> certificate(s), at most {} on one "
                        + "day.</figcaption></figure>", DAYS * BAR, HEIGHT, DAYS * BAR, HEIGHT, Html.join(bars),
                HEIGHT, DAYS * BAR, HEIGHT, today, today.plusDays(perDay.length - 1), total, max);
    }

    private static Html calendar(LocalDate today, long[] perDay) {
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        List<Html> weeks = new ArrayList<>();
        for (int w = 0; w < CALENDAR_WEEKS; w++) {
            List<Html> cells = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = monday.plusDays(w * 7L + d);
                int index = (int) (date.toEpochDay() - today.toEpochDay());
                cells.add(index < 0 || index >= perDay.length ? Html.of("<td class=\"past\">{}</td>", date.getDayOfMonth())
                        : Html.of("<td class=\"{}\" data-date=\"{}\"><span class=\"date\">{}</span>"
                                + "<span class=\"renewals\">{}</span></td>", perDay[index] > 0 ? "due" : "",
                        date, date.getDayOfMonth() == 1 || index == 0 ? date.getMonth().toString().substring(0, 3)
                                + " " + date.getDayOfMonth() : date.getDayOfMonth(), perDay[index]));
            }
            weeks.add(Html.of("<tr>{}</tr>", Html.join(cells)));
        }
        return Html.of("<table id=\"renewal-calendar\" class=\"calendar\"><thead><tr><th>Mon</th><th>Tue</th><th>Wed</th>"
                + "<th>Thu</th><th>Fri</th><th>Sat</th><th>Sun</th></tr></thead><tbody>{}</tbody></table>"
                + "<p class=\"note\">Each day shows how many issued free certificates are due for renewal.</p>",
                Html.join(weeks));
    }

    /** The UTC day of {@code millis}. */
    static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The day's start, UTC midnight, in epoch milliseconds. */
    static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
