package nl.kennisagenda.newsletter;

/** Where a newsletter subscriber stands. Only CONFIRMED subscribers receive issues. */
public enum SubscriberStatus {
    /** Asked to subscribe (form, event sign-up tick or import); waits for the double opt-in link. */
    PENDING,
    /** Followed the confirmation link: receives the issues of the organisations and themes chosen. */
    CONFIRMED,
    /** Unsubscribed (how: {@link Subscriber#unsubscribeMethod}); receives nothing until subscribing again. */
    UNSUBSCRIBED,
    /** The mail server rejected the address permanently (5xx); no more sends to it. */
    BOUNCING
}
