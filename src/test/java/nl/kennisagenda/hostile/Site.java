package nl.kennisagenda.hostile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's view of the site for the harness: its cookies (session, CSRF nonce) and the forms it found on the pages
 * it opened, each with its fields and the values the page filled in (the CSRF token among them). Forms are read
 * from the HTML the way a browser would, so the harness does not depend on how the tokens are made.
 */
final class Site {

    /** A form found on a page: where it posts, how, and its fields in page order. */
    record Form(String page, String action, String enctype, List<Map.Entry<String, String>> fields) {

        boolean multipart() {
            return enctype.contains("multipart");
        }
    }

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile(
            "<(input|textarea|select|button)\\b([^>]*)>(?:(.*?)</(?:textarea|select)>)?",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");

    final Map<String, String> cookies = new LinkedHashMap<>();
    /** The forms found, by action (the latest page wins). */
    final Map<String, Form> forms = new LinkedHashMap<>();
    private final RawHttp http;

    Site(RawHttp http) {
        this.http = http;
    }

    String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                .append(value));
        return header.toString();
    }

    /** Sends with this browser's cookies and keeps the cookies the answer sets. */
    RawHttp.Reply send(RawHttp.Request request) throws IOException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        RawHttp.Reply reply = http.send(request);
        remember(reply);
        return reply;
    }

    /** Sends with this browser's cookies, but keeps none of the answer's. */
    RawHttp.Reply sendOnly(RawHttp.Request request) throws IOException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        return http.send(request);
    }

    void remember(RawHttp.Reply reply) {
        for (String setCookie : reply.all("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = value.isEmpty() || setCookie.toLowerCase().contains("max-age=0");
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** Opens a page and reads its forms; returns the answer. */
    RawHttp.Reply open(String path) throws IOException {
        RawHttp.Reply reply = send(new RawHttp.Request("GET", path).header("Accept-Language", "nl"));
        if (reply.status() == 200 && reply.contentType().startsWith("text/html")) {
            readForms(path, reply.body());
        }
        return reply;
    }

    void readForms(String page, String html) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String attributes = form.group(1);
            String method = attribute(attributes, "method");
            if (method == null || !method.equalsIgnoreCase("post")) {
                continue;
            }
            String action = attribute(attributes, "action");
            if (action == null || action.isEmpty()) {
                action = page;
            }
            if (!action.startsWith("/")) {
                continue;
            }
            String enctype = attribute(attributes, "enctype");
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            Matcher control = CONTROL.matcher(form.group(2));
            while (control.find()) {
                String kind = control.group(1).toLowerCase();
                String name = attribute(control.group(2), "name");
                if (name == null) {
                    continue;
                }
                String value = switch (kind) {
                    case "textarea" -> unescape(control.group(3) == null ? "" : control.group(3));
                    case "select" -> firstOption(control.group(3));
                    default -> attribute(control.group(2), "value");
                };
                fields.add(Map.entry(name, value == null ? "" : value));
            }
            forms.put(action, new Form(page, action, enctype == null ? "" : enctype.toLowerCase(), fields));
        }
    }

    /** Same-site links on a page, for a crawl. */
    static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            links.add(unescape(link.group(1)));
        }
        return links;
    }

    private static String firstOption(String options) {
        if (options == null) {
            return "";
        }
        Matcher option = OPTION.matcher(options);
        String first = null;
        while (option.find()) {
            String value = attribute(option.group(1), "value");
            if (value != null && !value.isEmpty()) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first == null ? "" : first;
    }

    private static String attribute(String attributes, String name) {
        Matcher matcher = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
                .matcher(attributes);
        return matcher.find() ? unescape(matcher.group(1)) : null;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
