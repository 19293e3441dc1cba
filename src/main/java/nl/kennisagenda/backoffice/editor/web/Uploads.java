package nl.kennisagenda.backoffice.editor.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import nl.kennisagenda.image.ImageProcessor;

/** Reads an uploaded file part, without reading more than the image limit allows. */
final class Uploads {

    private Uploads() {
    }

    /** The bytes of the upload; null when no file was chosen; a marker array of limit+1 bytes when too large. */
    static byte[] bytes(FileUpload upload, ImageProcessor limits) {
        if (upload == null || upload.uploadedFile() == null || upload.size() == 0) {
            return null;
        }
        if (upload.size() > limits.maxBytes()) {
            // Not read: the processor refuses anything above the limit by length alone.
            return new byte[limits.maxBytes() + 1];
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
