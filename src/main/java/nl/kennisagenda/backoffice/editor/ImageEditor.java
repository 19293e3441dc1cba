package nl.kennisagenda.backoffice.editor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.image.ImageProcessor;
import nl.kennisagenda.image.ImageRejectedException;
import nl.kennisagenda.image.StoredImage;

/**
 * Sets or removes the image of an event and the portrait of a speaker. An upload is checked and re-encoded by
 * {@link ImageProcessor} (metadata stripped) and stored as a new {@link StoredImage}; the one it replaces is deleted.
 * Alt text in Dutch is required; without a new file, the form changes the alt text of the current image. Replacing or
 * removing an image deletes its row once no event and no speaker uses it; code that deletes an event or a speaker
 * calls {@link #forgetUnused(Long)} with the image id it held, after the delete.
 */
@ApplicationScoped
@Transactional
public class ImageEditor {

    /** The upload form: the file's bytes (null when no file was chosen) and the alt texts. */
    public record ImageInput(byte[] file, long declaredSize, String altNl, String altEn) {
    }

    @Inject
    EditableEvents events;

    @Inject
    SpeakerLibrary speakers;

    @Inject
    ImageProcessor processor;

    public StoredImage setEventImage(Actor actor, long eventId, ImageInput input) {
        Event event = events.changeable(actor, eventId);
        StoredImage image = store(event.image, input);
        if (image != event.image) {
            StoredImage old = event.image;
            event.image = image;
            deleteIfUnused(old);
        }
        return image;
    }

    public void removeEventImage(Actor actor, long eventId) {
        Event event = events.changeable(actor, eventId);
        StoredImage old = event.image;
        event.image = null;
        deleteIfUnused(old);
    }

    public StoredImage setPortrait(Actor actor, long speakerId, ImageInput input) {
        Speaker speaker = speakers.changeable(actor, speakerId);
        StoredImage image = store(speaker.portrait, input);
        if (image != speaker.portrait) {
            StoredImage old = speaker.portrait;
            speaker.portrait = image;
            deleteIfUnused(old);
        }
        return image;
    }

    public void removePortrait(Actor actor, long speakerId) {
        Speaker speaker = speakers.changeable(actor, speakerId);
        StoredImage old = speaker.portrait;
        speaker.portrait = null;
        deleteIfUnused(old);
    }

    /**
     * Deletes the image with this id when no event image and no speaker portrait refers to it any more; does nothing
     * for null, an unknown id, or an image still in use. For code that removes an owner of an image (deleting a draft
     * event: read {@code event.image.id} first, delete the event, then call this in the same transaction). No access
     * check: the caller has already checked that the actor may delete the owner, and an image in use is never deleted.
     *
     * @return whether a row was deleted
     */
    public boolean forgetUnused(Long imageId) {
        if (imageId == null) {
            return false;
        }
        return deleteIfUnused(StoredImage.findById(imageId));
    }

    /** Validates the form and returns the image to use: a new one, or the current one with new alt texts. */
    private StoredImage store(StoredImage current, ImageInput input) {
        EditorMessages m = EditorTexts.current();
        Map<String, String> errors = new LinkedHashMap<>();
        String altNl = Texts.optional("altNl", input.altNl(), 300, m, errors);
        if (altNl == null && !errors.containsKey("altNl")) {
            errors.put("altNl", m.error_alt_required());
        }
        String altEn = Texts.optional("altEn", input.altEn(), 300, m, errors);
        boolean noFile = input.file() == null || input.file().length == 0;
        ImageProcessor.Processed processed = null;
        if (noFile && current == null) {
            errors.put("file", m.image_error_missing());
        } else if (!noFile) {
            try {
                processed = processor.process(input.file());
            } catch (ImageRejectedException e) {
                errors.put("file", switch (e.reason) {
                    case MISSING -> m.image_error_missing();
                    case TOO_LARGE -> m.image_error_too_large(megabytes(processor.maxBytes()));
                    case NOT_AN_IMAGE -> m.image_error_not_an_image();
                    case TOO_MANY_PIXELS -> m.image_error_too_many_pixels(processor.maxDimension());
                    case UNREADABLE -> m.image_error_unreadable();
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEditException(errors);
        }
        if (processed == null) {
            current.altNl = altNl;
            current.altEn = altEn;
            return current;
        }
        StoredImage image = new StoredImage();
        image.contentType = processed.contentType();
        image.data = processed.bytes();
        image.byteCount = processed.bytes().length;
        image.width = processed.width();
        image.height = processed.height();
        image.sha256 = sha256(processed.bytes());
        image.altNl = altNl;
        image.altEn = altEn;
        image.persist();
        return image;
    }

    /** Deletes the image when nothing refers to it; the counts flush pending link changes first (auto flush). */
    private static boolean deleteIfUnused(StoredImage image) {
        if (image == null) {
            return false;
        }
        long users = Event.count("image", image) + Speaker.count("portrait", image);
        if (users > 0) {
            return false;
        }
        image.delete();
        return true;
    }

    private static String megabytes(long bytes) {
        return String.valueOf(bytes / (1024 * 1024));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
