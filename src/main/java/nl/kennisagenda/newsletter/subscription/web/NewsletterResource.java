package nl.kennisagenda.newsletter.subscription.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.newsletter.SubscriberStatus;
import nl.kennisagenda.newsletter.subscription.ConsentSource;
import nl.kennisagenda.newsletter.subscription.ConsentTexts;
import nl.kennisagenda.newsletter.subscription.NewsMessages;
import nl.kennisagenda.newsletter.subscription.Subscriptions;
import nl.kennisagenda.newsletter.subscription.Subscriptions.LinkNotUsableException;
import nl.kennisagenda.newsletter.subscription.Subscriptions.LinkState;
import nl.kennisagenda.newsletter.subscription.Topics;
import nl.kennisagenda.privacy.PrivacyStatements;
import nl.kennisagenda.web.CsrfExempt;
import nl.kennisagenda.web.CsrfGuard;
import nl.kennisagenda.web.RateLimited;

/**
 * The public newsletter pages: the subscribe form (POST-redirect-GET to "check your mail", the same page whatever
 * the address), the confirmation link (a page with one button, so link scanners confirm nothing), the subscriber's
 * preferences, and unsubscribing (a page with one button, and the RFC 8058 one-click POST). The organisation's own
 * form lives at {@code /organisations/{slug}/newsletter} ({@link OrganisationNewsletterResource}). Rules in
 * {@link Subscriptions}.
 */
@Path("/newsletter")
@Produces(MediaType.TEXT_HTML)
public class NewsletterResource {

    /** The invisible field only bots fill in. */
    static final String HONEYPOT = "website";

    /** The hidden field with the privacy statement version the form showed. */
    static final String PRIVACY_VERSION = "privacyVersion";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subscribe(SubscribeView form);

        static native TemplateInstance checkYourMail(long validHours);

        static native TemplateInstance confirm(String csrfToken, String token);

        static native TemplateInstance linkProblem(boolean expired, boolean used, String csrfToken);

        static native TemplateInstance preferences(PreferencesView view);

        static native TemplateInstance unsubscribe(String csrfToken, String token, String email, boolean alreadyOff);

        static native TemplateInstance unsubscribed(String token);
    }

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Topics topics;

    @Inject
    PrivacyStatements privacy;

    @Inject
    nl.kennisagenda.newsletter.subscription.SubscriptionConfig config;

    @GET
    @Operation(hidden = true)
    public Response form() {
        return noStore(Response.ok(Templates.subscribe(blank(null, "/newsletter"))));
    }

    /** The CSRF check happens as the form is read (StrictFormReader); only then is the attempt counted. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited
    @Operation(hidden = true)
    public Response subscribe(MultivaluedMap<String, String> form) {
        return submit(form, null, "/newsletter");
    }

    @GET
    @Path("check-your-mail")
    @Operation(hidden = true)
    public Response checkYourMail() {
        return noStore(Response.ok(Templates.checkYourMail(Math.max(1, config.confirmLinkValidity().toHours()))));
    }

    @GET
    @Path("confirm/{token}")
    @Operation(hidden = true)
    public Response confirmPage(@RestPath String token) {
        LinkState state = subscriptions.linkState(token);
        return state == LinkState.OPEN ? noStore(Response.ok(Templates.confirm(csrf.token(), token)))
                : linkProblem(state);
    }

    @POST
    @Path("confirm/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response confirm(@RestPath String token, MultivaluedMap<String, String> form) {
        try {
            if (form.getFirst("again") != null) {
                // The button on the "link expired" page: a fresh mail for the same request (the page answers the
                // same whether one was sent or not).
                subscriptions.askAgain(token);
                return seeOther("/newsletter/check-your-mail");
            }
            String subscriberToken = subscriptions.confirm(token);
            return seeOther("/newsletter/preferences/" + subscriberToken + "?confirmed=1");
        } catch (LinkNotUsableException e) {
            return linkProblem(e.state);
        }
    }

    @GET
    @Path("preferences/{token}")
    @Operation(hidden = true)
    public Response preferences(@RestPath String token, @RestQuery String confirmed, @RestQuery String saved) {
        return subscriptions.byToken(token).map(subscriber -> noStore(Response.ok(Templates.preferences(
                preferencesView(subscriber, subscriber.locale, slugs(subscriber.organisations),
                        List.copyOf(subscriber.themes), null, null, confirmed != null ? "confirmed"
                                : saved != null ? "saved" : null)))))
                .orElseGet(() -> linkProblem(LinkState.UNKNOWN));
    }

    @POST
    @Path("preferences/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response savePreferences(@RestPath String token, MultivaluedMap<String, String> form) {
        Subscriber subscriber = subscriptions.byToken(token).orElse(null);
        if (subscriber == null) {
            return linkProblem(LinkState.UNKNOWN);
        }
        String language = "en".equals(form.getFirst("language")) ? "en" : "nl";
        List<String> organisationSlugs = values(form, "organisation");
        List<String> themeNames = values(form, "theme");
        Set<Organisation> organisations = topics.organisations(organisationSlugs);
        Set<String> themes = topics.themes(themeNames);
        // The page shows the platform's statement; only the version in force is recorded (see privacy notice).
        Optional<String> privacyVersion = privacy.shownVersion(null, form.getFirst(PRIVACY_VERSION));
        String choiceError = organisations.isEmpty() && themes.isEmpty() ? messages().error_choice_preferences()
                : null;
        String privacyError = privacyVersion.isEmpty() ? privacyMessages().notice_version_changed() : null;
        if (choiceError != null || privacyError != null) {
            return noStore(Response.status(422).entity(Templates.preferences(preferencesView(subscriber, language,
                    organisationSlugs, themeNames, choiceError, privacyError, null))));
        }
        subscriptions.savePreferences(token, "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nl"),
                organisations, themes, privacyVersion.get());
        return seeOther("/newsletter/preferences/" + token + "?saved=1");
    }

    @GET
    @Path("unsubscribe/{token}")
    @Operation(hidden = true)
    public Response unsubscribePage(@RestPath String token) {
        // Shows a button and changes nothing: mail scanners that follow links must not unsubscribe anyone.
        return subscriptions.byToken(token).map(subscriber -> noStore(Response.ok(Templates.unsubscribe(
                csrf.token(), token, subscriber.email, subscriber.status == SubscriberStatus.UNSUBSCRIBED))))
                .orElseGet(() -> linkProblem(LinkState.UNKNOWN));
    }

    /**
     * Unsubscribes at once. The RFC 8058 one-click POST of a mail client (body {@code List-Unsubscribe=One-Click})
     * comes from outside any page of ours, without our CSRF cookie or token, hence {@link CsrfExempt}: a forger would
     * need the subscriber's secret token, and could then only do what the subscriber's own link does. The button on
     * the unsubscribe and preferences pages posts here too.
     */
    @POST
    @Path("unsubscribe/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response unsubscribe(@RestPath String token, @CsrfExempt MultivaluedMap<String, String> form) {
        return unsubscribed(token, form.getFirst("List-Unsubscribe"));
    }

    /**
     * The same one-click POST as {@code multipart/form-data}, which RFC 8058 (section 3.1) says mail programs SHOULD
     * send (and the form above MAY). No CSRF token either, for the same reason.
     */
    @POST
    @Path("unsubscribe/{token}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @CsrfExempt
    public Response unsubscribeMultipart(@RestPath String token, @RestForm("List-Unsubscribe") String oneClick) {
        return unsubscribed(token, oneClick);
    }

    private Response unsubscribed(String token, String oneClick) {
        String method = "One-Click".equals(oneClick) ? Subscriptions.ONE_CLICK : Subscriptions.LINK;
        if (!subscriptions.unsubscribe(token, method)) {
            return linkProblem(LinkState.UNKNOWN);
        }
        return noStore(Response.ok(Templates.unsubscribed(token)));
    }

    // ---------------------------------------------------------------- shared with the organisation's form

    SubscribeView blank(Organisation organisation, String action) {
        return view(organisation, action, "", "", locale.language(),
                organisation == null ? List.of() : List.of(organisation.slug), List.of(), null, null, null, null);
    }

    Response submit(MultivaluedMap<String, String> form, Organisation organisation, String action) {
        String email = trimmed(form.getFirst("email"));
        String name = trimmed(form.getFirst("name"));
        String language = "en".equals(form.getFirst("language")) ? "en" : "nl";
        List<String> organisationSlugs = values(form, "organisation");
        List<String> themeNames = values(form, "theme");
        String honeypot = form.getFirst(HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            // A bot filled the invisible field: answer like a success, store and send nothing.
            return seeOther("/newsletter/check-your-mail");
        }
        NewsMessages m = messages();
        Set<Organisation> organisations = topics.organisations(organisationSlugs);
        Set<String> themes = topics.themes(themeNames);
        String emailError = email.isEmpty() ? m.error_email_required()
                : !MailHeaders.isValidAddress(email) ? m.error_email() : null;
        String nameError = name.length() > 200 ? m.error_name_long()
                : name.chars().anyMatch(Character::isISOControl) ? m.error_name_control() : null;
        String choiceError = organisations.isEmpty() && themes.isEmpty() ? m.error_choice() : null;
        // The version the form showed must be the one in force for this form: an absent, altered or outdated value
        // shows the form again with the current notice, so nothing recorded comes from the visitor.
        Optional<String> privacyVersion = privacy.shownVersion(organisation, form.getFirst(PRIVACY_VERSION));
        String privacyError = privacyVersion.isEmpty() ? privacyMessages().notice_version_changed() : null;
        if (emailError != null || nameError != null || choiceError != null || privacyError != null) {
            return noStore(Response.status(422).entity(Templates.subscribe(view(organisation, action, email, name,
                    language, organisationSlugs, themeNames, emailError, nameError, choiceError, privacyError))));
        }
        Locale mailLocale = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nl");
        subscriptions.request(new Subscriptions.Request(email, name, mailLocale, organisations, themes,
                organisation == null ? ConsentSource.FORM : ConsentSource.ORGANISATION_FORM,
                organisation == null ? null : organisation.slug, ConsentTexts.form(locale.get()),
                privacyVersion.get()));
        return seeOther("/newsletter/check-your-mail");
    }

    private SubscribeView view(Organisation organisation, String action, String email, String name, String language,
            List<String> organisationSlugs, List<String> themeNames, String emailError, String nameError,
            String choiceError, String privacyError) {
        return new SubscribeView(csrf.token(), action, organisation == null ? null : organisation.name, email, name,
                language, organisationChoices(organisationSlugs), themeChoices(themeNames), emailError, nameError,
                choiceError, ConsentTexts.form(locale.get()).text(), privacy.newsletterNotice(organisation, locale.get()),
                privacyError);
    }

    private PreferencesView preferencesView(Subscriber subscriber, String language, List<String> organisationSlugs,
            List<String> themeNames, String choiceError, String privacyError, String notice) {
        return new PreferencesView(subscriber.token, csrf.token(), subscriber.email, subscriber.status, language,
                organisationChoices(organisationSlugs), themeChoices(themeNames), choiceError, notice,
                ConsentTexts.preferences(locale.get()).text(), privacy.newsletterNotice(null, locale.get()),
                privacyError);
    }

    private List<SubscribeView.Choice> organisationChoices(List<String> chosen) {
        return topics.organisations().stream().map(organisation -> new SubscribeView.Choice(
                "news-org-" + organisation.slug, organisation.slug, organisation.name,
                chosen.contains(organisation.slug))).toList();
    }

    private List<SubscribeView.Choice> themeChoices(List<String> chosen) {
        List<String> themes = topics.themes();
        return java.util.stream.IntStream.range(0, themes.size()).mapToObj(i -> new SubscribeView.Choice(
                "news-theme-" + (i + 1), themes.get(i), themes.get(i), chosen.contains(themes.get(i)))).toList();
    }

    /**
     * The page of a link that does not work. An expired confirmation link offers a button for a new mail: its form
     * has no action, so it posts back to the link's own address and the page does not repeat the token.
     */
    private Response linkProblem(LinkState state) {
        int status = state == LinkState.UNKNOWN ? 404 : state == LinkState.USED ? 200 : 410;
        return noStore(Response.status(status).entity(Templates.linkProblem(state == LinkState.EXPIRED,
                state == LinkState.USED, csrf.token())));
    }

    private NewsMessages messages() {
        return ConsentTexts.messages(locale.get());
    }

    private nl.kennisagenda.privacy.PrivacyMessages privacyMessages() {
        return PrivacyStatements.messages(locale.get());
    }

    private static List<String> slugs(Set<Organisation> organisations) {
        return organisations.stream().map(organisation -> organisation.slug).toList();
    }

    private static List<String> values(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && v.length() <= 200).toList();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).header("Cache-Control", "no-store").build();
    }

    /** No caching, and no token in the Referer of links followed from these pages. */
    static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
