package nl.kennisagenda.backoffice.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.backoffice.DashboardMessages;
import nl.kennisagenda.backoffice.service.Dashboards;
import nl.kennisagenda.backoffice.service.Dashboards.EventStats;
import nl.kennisagenda.backoffice.service.Dashboards.OrganisationStats;
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The dashboards: one event's numbers ({@code /admin/events/{eventId}/dashboard}, also as CSV) and one
 * organisation's events of the last year ({@code /admin/organisations/{slug}/dashboard}). Read access is checked by
 * {@link Dashboards}; observers may read.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance event(Actor actor, String csrfToken, EventStats stats, String chart);

        static native TemplateInstance organisation(Actor actor, String csrfToken, OrganisationStats stats,
                String chart);
    }

    @Inject
    CurrentActor current;

    @Inject
    Dashboards dashboards;

    @Inject
    CurrentLocale locale;

    @Inject
    CsrfGuard csrf;

    @GET
    @Path("events/{eventId}/dashboard")
    @Operation(hidden = true)
    public Response event(@RestPath long eventId) {
        Locale language = locale.get();
        EventStats stats = dashboards.event(current.get(), eventId, language).orElseThrow(NotFoundException::new);
        DashboardMessages m = messages(language);
        String chart = SvgChart.signUps(stats.days(), "signups-caption", m.legend_per_day(), m.legend_cumulative());
        return BackofficeResource.noStore(Response.ok(Templates.event(current.get(), csrf.token(), stats, chart)));
    }

    @GET
    @Path("events/{eventId}/dashboard.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@RestPath long eventId) {
        Locale language = locale.get();
        EventStats stats = dashboards.event(current.get(), eventId, language).orElseThrow(NotFoundException::new);
        byte[] body = DashboardCsv.of(stats, messages(language)).getBytes(StandardCharsets.UTF_8);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dashboard-" + stats.eventId() + ".csv\"")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("organisations/{slug}/dashboard")
    @Operation(hidden = true)
    public Response organisation(@RestPath String slug) {
        OrganisationStats stats = dashboards.organisation(current.get(), slug).orElseThrow(NotFoundException::new);
        DashboardMessages m = messages(locale.get());
        String chart = SvgChart.events(stats.events(), "org-caption", m.legend_signups(), m.legend_present());
        return BackofficeResource.noStore(Response.ok(Templates.organisation(current.get(), csrf.token(), stats,
                chart)));
    }

    static DashboardMessages messages(Locale locale) {
        return MessageBundles.get(DashboardMessages.class, Localized.Literal.of(
                locale != null && "en".equals(locale.getLanguage()) ? "en" : "nl"));
    }

    /** The dashboard's numbers as CSV: UTF-8 with BOM, semicolons, CRLF, every value quoted and neutralised. */
    static final class DashboardCsv {

        private DashboardCsv() {
        }

        static String of(EventStats s, DashboardMessages m) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(m.csv_metric(), "", m.csv_value()));
            rows.add(row(m.signups(), "", s.signUps()));
            rows.add(row(m.confirmed(), "", s.event().confirmed()));
            rows.add(row(m.col_capacity(), "", s.event().capacity() == null ? "" : s.event().capacity()));
            rows.add(row(m.fill_rate(), "%", s.event().percent()));
            rows.add(row(m.waitlisted(), "", s.waitlisted()));
            rows.add(row(m.pending(), "", s.pending()));
            rows.add(row(m.cancelled(), "", s.cancelled()));
            rows.add(row(m.checked_in(), "", s.checkedIn()));
            rows.add(row(m.checkin_rate(), "%", s.checkInPercent()));
            rows.add(row(m.noshow_rate(), "%", s.noShowPercent()));
            rows.add(row(m.newsletter(), "", s.newsletter()));
            rows.add(row(m.newsletter(), "%", s.newsletterPercent()));
            for (Dashboards.ModeFill mode : s.modes()) {
                String name = mode.mode() == AttendanceMode.ONLINE ? m.mode_online() : m.mode_on_site();
                rows.add(row(m.col_capacity(), name, mode.fill().capacity() == null ? "" : mode.fill().capacity()));
                rows.add(row(m.confirmed(), name, mode.fill().confirmed()));
                rows.add(row(m.fill_rate() + " %", name, mode.fill().percent()));
                rows.add(row(m.waitlisted(), name, mode.fill().waitlisted()));
            }
            for (Dashboards.Fill session : s.sessions()) {
                rows.add(row(m.confirmed(), session.title(), session.confirmed()));
                rows.add(row(m.fill_rate() + " %", session.title(), session.percent()));
                rows.add(row(m.waitlisted(), session.title(), session.waitlisted()));
            }
            for (Dashboards.Day day : s.days()) {
                rows.add(row(m.col_per_day(), day.iso(), day.signUps()));
                rows.add(row(m.col_cumulative(), day.iso(), day.cumulative()));
            }
            for (Dashboards.Count org : s.organisations()) {
                rows.add(row(m.col_organisation(), org.label(), org.count()));
            }
            for (Dashboards.Answers answers : s.answers()) {
                for (Dashboards.Count option : answers.options()) {
                    rows.add(row(answers.field(), option.label(), option.count()));
                }
            }
            StringBuilder out = new StringBuilder("\uFEFF");
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        out.append(';');
                    }
                    out.append(cell(row.get(i)));
                }
                out.append("\r\n");
            }
            return out.toString();
        }

        private static List<String> row(String metric, String detail, Object value) {
            return List.of(metric, detail, value == null ? "" : value.toString());
        }

        static String cell(String value) {
            String safe = value == null ? "" : value;
            if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
                safe = "'" + safe;
            }
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
    }
}
