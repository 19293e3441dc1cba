package nl.kennisagenda.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.sessions.JqwikSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.ApiTokens;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.testsupport.Routes;
import nl.kennisagenda.testsupport.Routes.Route;

/**
 * Hostile input at volume, to every route the application has (read from its own classes, so a route added later is
 * covered too): generated values and requests that no correct client sends, public and back-office alike, with and
 * without a session and a valid CSRF token. What must hold for every single answer:
 * <ul>
 * <li>never a 5xx, never a dropped connection;</li>
 * <li>a 4xx says why: a page with a heading, or a JSON error with a message;</li>
 * <li>no HTML answer carries a visitor's markup unescaped (every markup payload carries {@link Hostile#PROBE});</li>
 * <li>no answer has a header a value tried to inject, and no redirect leaves the site.</li>
 * </ul>
 * After the run, the pages that show what was stored are checked for the probe again, and every mail written to the
 * outbox during the run for a header that a value tried to inject.
 * <p>
 * {@code -Dhostile.tries=N} sets the number of generated requests (default {@value #DEFAULT_TRIES}; a long run is
 * {@code -Dhostile.tries=20000}), {@code -Dhostile.seed=S} the seed (printed on failure, to repeat a run).
 */
@QuarkusTest
class HostileInputTest {

    static final int DEFAULT_TRIES = 3000;
    private static final int TRIES = Integer.getInteger("hostile.tries", DEFAULT_TRIES);
    private static final long SEED = Long.getLong("hostile.seed", 13L);
    private static final String PASSWORD = "hostile-input-password";
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Forms a valid token must not reach: they would end the harness's own session or remove its event. */
    private static final Pattern SELF_DESTRUCTIVE = Pattern.compile(
            "/admin/logout|/admin/account/password|/admin/events/\\d+/(delete|cancel|unpublish)$|/j_security_check");

    @Inject
    ApiTokens apiTokens;

    private RawHttp http;
    private Random random;
    private Site visitor;
    private Site organiser;
    private String orgSlug;
    private long eventId;
    private String eventSlug;
    private String registrationToken;
    private long registrationId;
    private String subscriberToken;
    private String apiSecret;
    private Set<String> otherOrganisations;
    private final Map<String, List<String>> failures = new TreeMap<>();
    private final Map<String, Integer> statusCounts = new TreeMap<>();
    private final Map<String, Integer> parserRefusals = new TreeMap<>();
    private final Set<String> routesHit = new LinkedHashSet<>();
    private int sent;
    private int logIns;
    private String organiserEmail;

    @Test
    void hostileRequestsToEveryRouteGetA4xxWithAMessageAndNeverA5xx() throws Exception {
        http = new RawHttp(RestAssured.port);
        random = new Random(SEED);
        JqwikSession.start(String.valueOf(SEED));
        try {
            run();
        } finally {
            JqwikSession.finish();
        }
    }

    private void run() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        setUp();
        List<Route> routes = Routes.all().stream()
                .filter(route -> !route.template().startsWith("/q/"))
                .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        assertTrue(routes.size() > 50, "routes found: " + routes.size());

        long began = System.nanoTime();
        for (int i = 0; i < TRIES; i++) {
            if (i > 0 && i % 1000 == 0) {
                crawl(); // fresh forms and tokens, and the pages that show what was stored so far
            }
            Route route = routes.get(i % routes.size());
            try {
                oneTry(route);
            } catch (IOException e) {
                failure("io", route.toString(), e.toString(), "");
            }
        }
        crawl();
        checkMails(start);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "hostile input: %d requests in %.1f s (seed %d), %d routes; statuses %s;"
                + " refused before the application: %s; log-ins: %d%n", sent, seconds, SEED, routes.size(),
                statusCounts, parserRefusals, logIns);

        List<String> missed = routes.stream().map(Route::toString).filter(route -> !routesHit.contains(route))
                .toList();
        assertEquals(List.of(), missed, "routes the harness never reached");
        assertTrue(sent >= TRIES, "requests sent: " + sent);
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder("hostile input found " + failures.size()
                    + " kinds of failure (seed " + SEED + "):\n");
            failures.forEach((kind, examples) -> report.append("- ").append(kind).append("\n    ")
                    .append(String.join("\n    ", examples)).append('\n'));
            fail(report.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ setting up

    private void setUp() throws IOException {
        TestEvents.Created event = TestEvents.create("hostile", 40);
        eventId = event.id();
        eventSlug = event.slug();
        String email = "hostile-organiser-" + System.nanoTime() + "@example.org";
        Object[] made = QuarkusTransaction.requiringNew().call(() -> {
            Event stored = Event.findById(eventId);
            stored.unlisted = true;
            Account account = new Account();
            account.email = email;
            account.name = "Hostile Organiser";
            account.role = Role.ORGANISER;
            account.setPassword(PASSWORD);
            account.organisations.add(stored.organisation);
            account.persist();
            List<String> others = Organisation.<Organisation>listAll().stream().map(o -> o.slug)
                    .filter(slug -> !slug.equals(stored.organisation.slug)).toList();
            return new Object[] { stored.organisation.slug, account.id, others };
        });
        orgSlug = (String) made[0];
        @SuppressWarnings("unchecked")
        List<String> others = (List<String>) made[2];
        otherOrganisations = Set.copyOf(others);
        long accountId = (Long) made[1];
        apiSecret = QuarkusTransaction.requiringNew().call(() -> apiTokens.create(
                Actor.of(Account.findById(accountId)), "hostile input", Instant.now().plus(Duration.ofDays(1)))
                .secret());

        visitor = new Site(http);
        organiser = new Site(http);
        organiserEmail = email;
        logIn();

        // One registration and one subscriber of our own, so their links reach real records.
        String attendee = "hostile-" + System.nanoTime() + "@example.org";
        visitor.open("/events/" + eventSlug + "/register");
        RawHttp.Reply signedUp = visitor.send(form("/events/" + eventSlug + "/register", List.of(
                Map.entry("firstName", "Hostile"), Map.entry("lastName", "Input"), Map.entry("email", attendee),
                Map.entry("organisation", "Harness"),
                Map.entry("_csrf", csrfOf(visitor, "/events/" + eventSlug + "/register")))));
        assertEquals(303, signedUp.status(), "sign-up: " + signedUp.body());
        Registration registration = TestEvents.registration(eventId, attendee);
        registrationToken = registration.token;
        registrationId = registration.id;

        String reader = "hostile-reader-" + System.nanoTime() + "@example.org";
        String newsletterForm = "/organisations/" + orgSlug + "/newsletter";
        visitor.open(newsletterForm);
        RawHttp.Reply subscribed = visitor.send(form(newsletterForm, List.of(Map.entry("email", reader),
                Map.entry("name", "Reader"), Map.entry("organisation", orgSlug),
                Map.entry("privacyVersion", fieldOf(visitor, newsletterForm, "privacyVersion")),
                Map.entry("_csrf", csrfOf(visitor, newsletterForm)))));
        assertTrue(subscribed.status() == 303, "subscribe: " + subscribed.status() + " " + subscribed.body());
        subscriberToken = QuarkusTransaction.requiringNew().call(() -> Subscriber.<Subscriber>find("email", reader)
                .firstResult().token);

        crawl();
    }

    private void logIn() throws IOException {
        organiser.cookies.clear();
        organiser.open("/admin/login");
        RawHttp.Reply login = organiser.send(form("/admin/j_security_check", List.of(
                Map.entry("j_username", organiserEmail), Map.entry("j_password", PASSWORD),
                Map.entry("_csrf", csrfOf(organiser, "/admin/j_security_check")))));
        assertEquals(302, login.status(), "log-in: " + login.headers());
        assertTrue(login.header("Location").endsWith("/admin"), "log-in: " + login.header("Location"));
        logIns++;
    }

    private static String csrfOf(Site site, String action) {
        return fieldOf(site, action, "_csrf");
    }

    /** The value the page gave a (hidden) field of the form posting to {@code action}, as a browser sends it back. */
    private static String fieldOf(Site site, String action, String name) {
        Site.Form form = site.forms.get(action);
        if (form == null) {
            return "";
        }
        return form.fields().stream().filter(field -> field.getKey().equals(name)).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }

    /** Opens the pages of our event and organisation (and what they link to), reading their forms. */
    private void crawl() throws IOException {
        if (organiser.open("/admin").status() != 200) {
            logIn();
        }
        List<String> visitorPages = List.of("/", "/events/" + eventSlug, "/events/" + eventSlug + "/register",
                "/registrations/" + registrationToken, "/registrations/" + registrationToken + "/cancel",
                "/newsletter", "/organisations/" + orgSlug + "/newsletter", "/newsletter/preferences/"
                        + subscriberToken, "/newsletter/unsubscribe/" + subscriberToken, "/embed/events/" + eventSlug,
                "/embed/organisations/" + orgSlug, "/organisations/" + orgSlug, "/admin/password-reset");
        for (String page : visitorPages) {
            checked("crawl", "GET " + page, visitor, new RawHttp.Request("GET", page));
        }
        List<String> admin = new ArrayList<>(List.of("/admin", "/admin/events/" + eventId,
                "/admin/events/" + eventId + "/edit", "/admin/events/" + eventId + "/messages",
                "/admin/events/" + eventId + "/messages/new", "/admin/events/" + eventId + "/follow-up",
                "/admin/events/" + eventId + "/registrations", "/admin/events/" + eventId + "/registrations/new",
                "/admin/events/" + eventId + "/registrations/" + registrationId,
                "/admin/events/" + eventId + "/attendance", "/admin/events/" + eventId + "/form",
                "/admin/events/" + eventId + "/programme", "/admin/events/" + eventId + "/materials",
                "/admin/events/" + eventId + "/image", "/admin/events/" + eventId + "/dashboard",
                "/admin/events/" + eventId + "/checkin", "/admin/events/" + eventId + "/mails",
                "/admin/organisations/" + orgSlug,
                "/admin/organisations/" + orgSlug + "/edit", "/admin/organisations/" + orgSlug + "/newsletter",
                "/admin/organisations/" + orgSlug + "/subscribers",
                "/admin/organisations/" + orgSlug + "/subscribers/import",
                "/admin/organisations/" + orgSlug + "/embedding", "/admin/organisations/" + orgSlug + "/privacy",
                "/admin/organisations/" + orgSlug + "/dashboard", "/admin/events/new", "/admin/account",
                "/admin/tokens", "/admin/speakers", "/admin/speakers/new"));
        Set<String> seen = new LinkedHashSet<>(admin);
        for (int i = 0; i < admin.size() && i < 120; i++) {
            RawHttp.Reply reply = checked("crawl", "GET " + admin.get(i), organiser,
                    new RawHttp.Request("GET", admin.get(i)));
            if (reply.status() == 200 && reply.contentType().startsWith("text/html")) {
                organiser.readForms(admin.get(i), reply.body());
                for (String link : Site.links(reply.body())) {
                    String path = link.split("\\?")[0];
                    boolean ours = path.contains("/events/" + eventId + "/") || path.contains("/" + orgSlug + "/")
                            || path.startsWith("/admin/newsletter/issues/") || path.startsWith("/admin/speakers/");
                    if (ours && !path.endsWith(".csv") && !path.endsWith(".xlsx") && seen.add(path)) {
                        admin.add(path);
                    }
                }
            }
        }
        visitor.forms.keySet().removeIf(action -> SELF_DESTRUCTIVE.matcher(action).find());
        organiser.forms.keySet().removeIf(action -> SELF_DESTRUCTIVE.matcher(action).find());
    }

    // ------------------------------------------------------------------------------------------------ one try

    private void oneTry(Route route) throws IOException {
        String template = route.template();
        boolean backOffice = template.startsWith("/admin") || template.startsWith("/api/admin");
        Site site = backOffice && random.nextInt(10) < 8 ? organiser : visitor;
        int kind = random.nextInt(100);
        RawHttp.Request request;
        String label;
        if (route.changesSomething() && kind < 40) {
            Site.Form form = formFor(route, site);
            if (form != null) {
                label = "mutated form";
                request = form.multipart() ? multipart(form.action(), mutated(form)) : form(form.action(),
                        mutated(form));
            } else if (route.isApi()) {
                label = "json";
                request = json(route, path(route, false));
            } else {
                label = "generated form";
                request = form(path(route, false), generatedFields(site, route));
            }
        } else if (route.changesSomething() && kind < 60) {
            label = "broken body";
            request = brokenBody(route, path(route, false));
        } else if (route.isApi() && route.changesSomething() && kind < 75) {
            label = "json";
            request = json(route, path(route, false));
        } else if (kind < 80) {
            label = "hostile path";
            request = new RawHttp.Request(route.method(), path(route, true));
            if (route.changesSomething()) {
                request.body("application/x-www-form-urlencoded", ("_csrf=" + csrfAny(site)).getBytes(
                        StandardCharsets.ISO_8859_1));
            }
        } else if (kind < 84) {
            label = "wrong method";
            request = new RawHttp.Request(Hostile.pick(random, List.of("PUT", "DELETE", "PATCH", "OPTIONS",
                    "TRACE", "PROPFIND", "GET", "POST", "HEAD")), path(route, false));
        } else if (kind < 86) {
            label = "oversized";
            request = oversized(route, path(route, false));
        } else {
            label = "hostile query and headers";
            request = new RawHttp.Request(route.method(), path(route, false) + hostileQuery());
            if (route.changesSomething()) {
                request.body("application/x-www-form-urlencoded", ("_csrf=" + csrfAny(site)).getBytes(
                        StandardCharsets.ISO_8859_1));
            }
        }
        if (route.template().startsWith("/api/admin") && random.nextInt(10) < 7) {
            request.header("Authorization", random.nextInt(10) == 0
                    ? "Bearer " + Hostile.pick(random, List.of("", "ka_", "ka_" + "x".repeat(500), "\u00ff",
                            "%00", "Bearer x"))
                    : "Bearer " + apiSecret);
        }
        hostileHeaders(request);
        routesHit.add(route.toString());
        checked(label, route.toString(), site, request);
    }

    private RawHttp.Reply checked(String label, String route, Site site, RawHttp.Request request)
            throws IOException {
        // A forged Cookie header of its own: the answer's cookies are for that forgery, not for this browser.
        boolean forged = request.headers.stream().filter(line -> line.startsWith("Cookie:")).count() > 0;
        RawHttp.Reply reply = forged ? site.sendOnly(request) : site.send(request);
        sent++;
        statusCounts.merge(reply.status() / 100 + "xx", 1, Integer::sum);
        check(label, route, request, reply);
        return reply;
    }

    private Site.Form formFor(Route route, Site site) {
        Pattern pattern = Pattern.compile(templateRegex(route.template()));
        List<Site.Form> matching = site.forms.values().stream()
                .filter(form -> pattern.matcher(form.action().split("\\?")[0]).matches()).toList();
        return matching.isEmpty() ? null : matching.get(random.nextInt(matching.size()));
    }

    /** The route template as a regular expression over concrete paths. */
    static String templateRegex(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            char c = template.charAt(at);
            if (c == '{') {
                int depth = 1;
                int end = at + 1;
                while (end < template.length() && depth > 0) {
                    depth += template.charAt(end) == '{' ? 1 : template.charAt(end) == '}' ? -1 : 0;
                    end++;
                }
                regex.append("[^/]+");
                at = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                at++;
            }
        }
        return regex.toString();
    }

    /** The route with its parameters filled in: our own records, or (hostile) anything. */
    private String path(Route route, boolean hostile) {
        String template = route.template();
        StringBuilder path = new StringBuilder();
        int at = 0;
        boolean madeHostile = false;
        while (at < template.length()) {
            char c = template.charAt(at);
            if (c != '{') {
                path.append(c);
                at++;
                continue;
            }
            int depth = 1;
            int end = at + 1;
            while (end < template.length() && depth > 0) {
                depth += template.charAt(end) == '{' ? 1 : template.charAt(end) == '}' ? -1 : 0;
                end++;
            }
            Matcher name = PARAM.matcher(template.substring(at, end));
            name.find();
            if (hostile && (!madeHostile || random.nextBoolean())) {
                path.append(Hostile.segment(random));
                madeHostile = true;
            } else {
                path.append(ownValue(name.group(1), template));
            }
            at = end;
        }
        return path.toString();
    }

    private String ownValue(String parameter, String template) {
        return switch (parameter) {
            case "eventId" -> String.valueOf(eventId);
            case "registrationId" -> String.valueOf(registrationId);
            case "slug" -> template.startsWith("/events") || template.startsWith("/embed/events")
                    || template.startsWith("/api/events") ? eventSlug
                            : template.startsWith("/speakers") ? "nobody-" + random.nextInt(100) : orgSlug;
            case "token" -> template.startsWith("/registrations") ? registrationToken
                    : template.startsWith("/newsletter/confirm") || template.startsWith("/admin/password-reset")
                            ? "t" + Long.toHexString(random.nextLong()) + "xxxxxxxxxxxxxxxx"
                            : template.startsWith("/calendar") ? "abcdefghijklmnop" + random.nextInt(1000)
                                    : subscriberToken;
            case "theme" -> Hostile.pick(random, List.of("zorg", "wonen", "x"));
            case "hash" -> "0123456789abcdef";
            case "ext" -> "png";
            case "id", "issueId", "messageId", "speakerId", "accountId", "mailId", "tokenId", "subscriberId" ->
                String.valueOf(900_000_000L + random.nextInt(1000));
            default -> "x";
        };
    }

    // ------------------------------------------------------------------------------------------------ bodies

    /** The form's own fields with one to three values replaced, sometimes a field dropped or sent twice. */
    private List<Map.Entry<String, String>> mutated(Site.Form form) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Map.Entry<String, String> field : form.fields()) {
            String value = otherOrganisations.contains(field.getValue()) ? orgSlug : field.getValue();
            fields.add(Map.entry(field.getKey(), value));
        }
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && !fields.isEmpty(); i++) {
            int at = random.nextInt(fields.size());
            String name = fields.get(at).getKey();
            if (name.equals("_csrf") && random.nextInt(4) > 0) {
                continue; // mostly keep the token, so the values reach the application
            }
            switch (random.nextInt(8)) {
                case 0 -> fields.remove(at);
                case 1 -> fields.add(Map.entry(name, Hostile.value(random)));
                case 2 -> fields.add(Map.entry(Hostile.value(random), Hostile.value(random)));
                default -> fields.set(at, Map.entry(name, Hostile.value(random)));
            }
        }
        return fields;
    }

    private List<Map.Entry<String, String>> generatedFields(Site site, Route route) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", csrfAny(site)));
        List<String> names = site.forms.values().stream().flatMap(form -> form.fields().stream())
                .map(Map.Entry::getKey).distinct().toList();
        int count = random.nextInt(6);
        for (int i = 0; i < count && !names.isEmpty(); i++) {
            fields.add(Map.entry(Hostile.pick(random, names), Hostile.value(random)));
        }
        return fields;
    }

    private String csrfAny(Site site) {
        return site.forms.values().stream().flatMap(form -> form.fields().stream())
                .filter(field -> field.getKey().equals("_csrf")).map(Map.Entry::getValue).findFirst().orElse("");
    }

    static RawHttp.Request form(String action, List<Map.Entry<String, String>> fields) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            body.append(body.length() == 0 ? "" : "&").append(Hostile.encode(field.getKey())).append('=')
                    .append(Hostile.encode(field.getValue()));
        }
        return new RawHttp.Request("POST", action).header("Accept-Language", "nl").body(
                "application/x-www-form-urlencoded; charset=UTF-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Request multipart(String action, List<Map.Entry<String, String>> fields) {
        String boundary = "hx" + Long.toHexString(random.nextLong());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            boolean file = field.getKey().equals("file") || field.getKey().equals("image")
                    || field.getKey().equals("portrait") || random.nextInt(8) == 0;
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\""
                    + (file ? "; filename=\"" + Hostile.value(random) + "\"\r\nContent-Type: "
                            + Hostile.pick(random, List.of("text/csv", "image/png", "application/octet-stream",
                                    "text/csv; charset=bogus", "image/jpeg"))
                            : "")
                    + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            String value = file ? Hostile.pick(random, List.of("email;name\n" + Hostile.value(random) + ";x\n",
                    "\u0089PNG\r\n\u001a\nnot really", "\u00ff\u00d8\u00ff\u00e0 broken jpeg", Hostile.value(random),
                    "a,b,c\n" + "x,".repeat(1000))) : field.getValue();
            body.writeBytes(value.getBytes(file ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (random.nextInt(5) > 0) {
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return new RawHttp.Request("POST", action).header("Accept-Language", "nl")
                .body("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A body that no browser sends: broken escapes, empty names, raw octets, odd charsets and content types. */
    private RawHttp.Request brokenBody(Route route, String path) {
        String csrf = "_csrf=" + csrfAny(random.nextBoolean() ? organiser : visitor);
        String broken = Hostile.pick(random, Hostile.BROKEN_ENCODINGS);
        String body = switch (random.nextInt(7)) {
            case 0 -> csrf + "&" + broken;
            case 1 -> csrf + "&email=" + broken + "&name=" + broken;
            case 2 -> broken + "&" + csrf;
            case 3 -> csrf + "&title=%E9t%E9&firstName=%C3%28&email=a%40b.nl%00";
            case 4 -> csrf + "&" + Hostile.encode(Hostile.value(random)) + "=" + broken;
            case 5 -> csrf + "&email=a@b.nl&email=c@d.nl&email=&firstName=a&firstName=b";
            default -> Hostile.value(random);
        };
        String type = Hostile.pick(random, List.of("application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded; charset=bogus",
                "application/x-www-form-urlencoded; charset=", "application/x-www-form-urlencoded; charset=\"utf-16\"",
                "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/x-www-form-urlencoded;;;",
                "application/x-www-form-urlencoded; charset=UTF-7", "text/plain", "application/json",
                "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=x",
                "application/xml", "*/*", "", "x", "application/x-www-form-urlencoded; boundary=\u00ff"));
        return new RawHttp.Request(route.method(), path).header("Accept-Language", "nl")
                .body(type.isEmpty() ? null : type, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** JSON bodies for the API: its own shape with wrong types, missing and duplicate members, or no JSON at all. */
    private RawHttp.Request json(Route route, String path) {
        ObjectNode object = JSON.createObjectNode();
        for (String key : List.of("firstName", "lastName", "email", "organisation", "title", "startsAt", "endsAt",
                "capacity", "sessions", "message", "newsletter", "format", "venueName", "summary")) {
            if (random.nextInt(3) > 0) {
                object.set(key, jsonValue(key));
            }
        }
        String body = switch (random.nextInt(10)) {
            case 0 -> "[" + object + "]";
            case 1 -> "{\"email\":\"a@b.nl\",\"email\":" + JSON.valueToTree(Hostile.value(random)) + "}";
            case 2 -> "[".repeat(2000 + random.nextInt(3000)) + "]".repeat(10);
            case 3 -> "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
            case 4 -> Hostile.pick(random, List.of("", "null", "true", "1", "\"x\"", "{", "{\"a\":}", "{'a':1}",
                    "{\"a\":1}}", "\u00ff\u00fe{}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u00\"}", "{\"a\":1e99999}",
                    "{\"capacity\":" + "9".repeat(400) + "}", "{\"a\":\"" + "x".repeat(2_000_000) + "\"}"));
            default -> object.toString();
        };
        String type = Hostile.pick(random, List.of("application/json", "application/json", "application/json",
                "application/json; charset=bogus", "application/json; charset=UTF-16", "text/plain",
                "application/x-www-form-urlencoded", "application/json;;"));
        return new RawHttp.Request(route.method(), path).header("Accept", "application/json")
                .header("Accept-Language", random.nextBoolean() ? "en" : "nl")
                .body(type, body.getBytes(random.nextInt(10) == 0 ? StandardCharsets.ISO_8859_1
                        : StandardCharsets.UTF_8));
    }

    private JsonNode jsonValue(String key) {
        return switch (random.nextInt(8)) {
            case 0 -> JSON.getNodeFactory().numberNode(random.nextLong());
            case 1 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 2 -> JSON.getNodeFactory().nullNode();
            case 3 -> JSON.createArrayNode().add(Hostile.value(random)).add(1);
            case 4 -> JSON.createObjectNode().put("x", Hostile.value(random));
            case 5 -> JSON.getNodeFactory().numberNode(random.nextDouble() * 1e300);
            default -> JSON.getNodeFactory().textNode(key.equals("email") && random.nextBoolean()
                    ? "hostile-" + random.nextInt(1_000_000) + "@example.org" : Hostile.value(random));
        };
    }

    private RawHttp.Request oversized(Route route, String path) {
        return switch (random.nextInt(5)) {
            case 0 -> new RawHttp.Request(route.method(), path).body("application/x-www-form-urlencoded",
                    ("_csrf=" + csrfAny(visitor) + "&firstName=" + "x".repeat(70_000)).getBytes(
                            StandardCharsets.ISO_8859_1));
            case 1 -> new RawHttp.Request(route.method(), path).body("application/x-www-form-urlencoded",
                    ("_csrf=" + csrfAny(organiser) + "&" + "a=1&".repeat(300_000)).getBytes(
                            StandardCharsets.ISO_8859_1));
            case 2 -> new RawHttp.Request(route.method(), path).body(route.isApi() ? "application/json"
                    : "application/x-www-form-urlencoded", new byte[7 * 1024 * 1024]);
            case 3 -> new RawHttp.Request(route.method(), path).header("X-Filler", "y".repeat(20_000));
            default -> new RawHttp.Request(route.method(), path + "?q=" + "z".repeat(9_000));
        };
    }

    private String hostileQuery() {
        StringBuilder query = new StringBuilder("?");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String name = Hostile.pick(random, List.of("lang", "q", "month", "page", "theme", "organisation",
                    "format", "programme", "r", "confirmed", "saved", "error", "status", "sort", "url", "maxwidth",
                    "callback", "", "x"));
            String value = random.nextInt(3) == 0 ? Hostile.pick(random, Hostile.BROKEN_ENCODINGS)
                    .replace("&", "%26") : Hostile.encode(Hostile.value(random));
            query.append(i == 0 ? "" : random.nextInt(6) == 0 ? "&&" : "&").append(name).append('=').append(value);
        }
        return query.toString();
    }

    /** Broken conditional headers, odd languages and cookies, proxies' headers; sometimes nothing. */
    private void hostileHeaders(RawHttp.Request request) {
        if (random.nextInt(3) == 0) {
            request.header(Hostile.pick(random, List.of("If-None-Match", "If-Modified-Since", "If-Match",
                    "If-Unmodified-Since", "If-Range", "Range")), Hostile.pick(random, Hostile.CONDITIONAL_GARBAGE));
        }
        if (random.nextInt(4) == 0) {
            request.header(Hostile.pick(random, List.of("Accept-Language", "Accept", "Accept-Charset",
                    "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "Origin", "Referer",
                    "Cookie", "User-Agent", "Content-Language")), Hostile.pick(random, List.of("", "*", "xx-YY-ZZZZ",
                    "nl;q=abc", "en;q=2, nl;q=-1", "\u00ff\u00fe", "lang=<" + Hostile.PROBE + ">", "lang=en; lang=nl",
                    "ka_csrf=" + "a".repeat(64) + "; ka_session=garbage", "ka_session=%zz", "1.2.3.4, 5.6.7.8",
                    "evil.example", "null", "javascript:alert(1)", "https://evil.example", "text/html;q=x",
                    "application/json;charset=bogus", "gopher", "<" + Hostile.PROBE + ">", "a".repeat(4000))));
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    private void check(String label, String route, RawHttp.Request request, RawHttp.Reply reply) {
        int status = reply.status();
        String type = reply.contentType();
        String body = reply.body();
        if (status == 0) {
            failure(label, route, "no answer", request + " -> " + RawHttp.abbreviate(body, 200));
            return;
        }
        if (status >= 500 && !(status == 501 && route.equals("GET /oembed"))) {
            // oEmbed 2.7 prescribes 501 for a format the provider does not offer; every other 5xx is a failure.
            failure(label, route, String.valueOf(status), request + " -> " + RawHttp.abbreviate(body, 300));
        } else if (status >= 400 && !readable(request, reply)) {
            failure(label, route, status + " without a message (" + type + ")", request + " -> "
                    + RawHttp.abbreviate(body, 200));
        }
        if (type.startsWith("text/html") && body.toLowerCase(Locale.ROOT).contains("<" + Hostile.PROBE)) {
            failure(label, route, "markup not escaped", request + " -> " + around(body, "<" + Hostile.PROBE));
        }
        if (type.startsWith("text/html") && body.toLowerCase(Locale.ROOT).contains("href=\"javascript:")) {
            failure(label, route, "javascript link", request + " -> " + around(body, "href=\"javascript:"));
        }
        if (reply.header(Hostile.INJECTED_HEADER) != null) {
            failure(label, route, "header injected into the answer", request.toString());
        }
        String location = reply.header("Location");
        if (location != null && (location.startsWith("//") || location.matches("(?i)https?://(?!localhost[:/]).*"))) {
            failure(label, route, "redirect off the site", request + " -> " + location);
        }
    }

    /**
     * A 4xx says why: a page with a heading, a JSON error with a message, a line of text (calendar feeds), or (HEAD)
     * at least its status line. The one exception is a request the HTTP server refuses before any route runs (see
     * {@link #refusedBeforeTheApplication}): a bare status line with its reason; counted apart.
     */
    private boolean readable(RawHttp.Request request, RawHttp.Reply reply) {
        String type = reply.contentType();
        String body = reply.body();
        if (body.isEmpty() && type.isEmpty() && refusedBeforeTheApplication(request, reply)) {
            parserRefusals.merge(reply.version() + " " + reply.status() + " " + reply.reason(), 1, Integer::sum);
            return true;
        }
        if (request.method.equals("HEAD")) {
            return true;
        }
        if (type.startsWith("text/plain")) {
            return !body.isBlank();
        }
        if (type.startsWith("text/html")) {
            return body.contains("<h1");
        }
        if (type.startsWith("application/json") || type.startsWith("application/problem+json")) {
            try {
                JsonNode error = JSON.readTree(body);
                return error.hasNonNull("message") && !error.get("message").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Answered by the HTTP server before any route (Vert.x and Quarkus' own checks), with a bare status line: what its
     * parser cannot read (HTTP/1.0 answers), an address with a broken or non-ASCII escape or a header with a control
     * character (400), a body over
     * {@code quarkus.http.limits.max-body-size} (413), an address or headers over the limits (414, 431).
     */
    private static boolean refusedBeforeTheApplication(RawHttp.Request request, RawHttp.Reply reply) {
        if (reply.version().equals("HTTP/1.0")) {
            return true;
        }
        return switch (reply.status()) {
            case 400 -> !readableTarget(request.target) || request.headers.stream().anyMatch(
                    line -> line.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F));
            case 413 -> request.body.length > 6 * 1024 * 1024;
            case 414, 431 -> true;
            default -> false;
        };
    }

    /** Whether the address is printable ASCII whose percent escapes decode to valid UTF-8. */
    static boolean readableTarget(String target) {
        java.io.ByteArrayOutputStream octets = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < target.length(); at++) {
            char c = target.charAt(at);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
            if (c == '%') {
                if (at + 2 >= target.length() || Character.digit(target.charAt(at + 1), 16) < 0
                        || Character.digit(target.charAt(at + 2), 16) < 0) {
                    return false;
                }
                octets.write(Integer.parseInt(target.substring(at + 1, at + 3), 16));
                at += 2;
            } else {
                octets.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(octets.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String around(String body, String needle) {
        int at = body.toLowerCase(Locale.ROOT).indexOf(needle);
        return RawHttp.abbreviate(body.substring(Math.max(0, at - 80), Math.min(body.length(), at + 80)), 200);
    }

    private void failure(String label, String route, String what, String example) {
        List<String> examples = failures.computeIfAbsent(what + " | " + route + " | " + label, k -> new ArrayList<>());
        if (examples.size() < 2) {
            examples.add(RawHttp.abbreviate(example, 600));
        }
    }

    /** Every mail written during the run: one-line subject and recipient, no header a value tried to add. */
    private void checkMails(Instant since) {
        List<String> bad = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>list(
                "createdAt >= ?1", since).stream().filter(mail -> injected(mail)).map(mail -> mail.id + " to "
                        + RawHttp.abbreviate(mail.recipient, 100) + ": " + RawHttp.abbreviate(mail.subject, 100))
                .toList());
        if (!bad.isEmpty()) {
            failure("mail", "outbox", "mail header injected", String.join("; ", bad));
        }
        long mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("createdAt >= ?1", since));
        System.out.println("hostile input: " + mails + " mails written to the outbox during the run, checked");
    }

    private static boolean injected(OutboxMail mail) {
        for (String header : new String[] { mail.recipient, mail.subject }) {
            if (header != null && (header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0
                    || header.contains(Hostile.INJECTED_HEADER + ":"))) {
                return true;
            }
        }
        if (mail.extraHeaders != null) {
            for (String line : mail.extraHeaders.split("\r?\n")) {
                if (line.regionMatches(true, 0, Hostile.INJECTED_HEADER, 0, Hostile.INJECTED_HEADER.length())
                        || line.regionMatches(true, 0, "Bcc", 0, 3)) {
                    return true;
                }
            }
        }
        return false;
    }
}
