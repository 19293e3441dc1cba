package nl.kennisagenda.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

import nl.kennisagenda.image.ImageRejectedException.Reason;

/**
 * Turns an upload into bytes we are willing to serve: the type is decided by the file's first bytes (never by the
 * name or the client's Content-Type), the dimensions are read from the header and checked before the pixels are
 * decoded (a small file that unpacks into a huge bitmap is refused unread), and the pixels are written again by
 * ImageIO, which drops every metadata block (EXIF with GPS position and camera, XMP, comments). JPEG stays JPEG and
 * PNG stays PNG; WebP is decoded (TwelveMonkeys plug-in) and stored as PNG when it has transparency, else as JPEG,
 * so every browser and mail client can show it. Before that, the EXIF orientation (a phone stores the sensor's pixels
 * and a tag saying how to turn them) is read with metadata-extractor and applied to the pixels, so the stored image is
 * upright without any tag; a missing or unreadable orientation counts as 1 (as stored).
 */
@ApplicationScoped
public class ImageProcessor {

    /** What we store: the re-encoded bytes and what they are. */
    public record Processed(String contentType, byte[] bytes, int width, int height) {
    }

    private enum Format {
        JPEG("jpeg"), PNG("png"), WEBP("webp");

        final String readerName;

        Format(String readerName) {
            this.readerName = readerName;
        }
    }

    @Inject
    ImageConfig config;

    public int maxBytes() {
        return config.maxBytes();
    }

    public int maxDimension() {
        return config.maxDimension();
    }

    public Processed process(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new ImageRejectedException(Reason.MISSING);
        }
        if (upload.length > config.maxBytes()) {
            throw new ImageRejectedException(Reason.TOO_LARGE);
        }
        Format format = sniff(upload);
        if (format == null) {
            throw new ImageRejectedException(Reason.NOT_AN_IMAGE);
        }
        BufferedImage image = upright(decode(upload, format), orientation(upload));
        boolean alpha = image.getColorModel().hasAlpha();
        try {
            if (format == Format.PNG || format == Format.WEBP && alpha) {
                return new Processed("image/png", writePng(image), image.getWidth(), image.getHeight());
            }
            return new Processed("image/jpeg", writeJpeg(image), image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new ImageRejectedException(Reason.UNREADABLE);
        }
    }

    /** The format by magic number: FF D8 FF (JPEG), the PNG signature, RIFF....WEBP. */
    static Format sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Format.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
                && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return Format.PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    private BufferedImage decode(byte[] upload, Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        if (!readers.hasNext()) {
            throw new ImageRejectedException(Reason.NOT_AN_IMAGE);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(input, true, true);
            // Header only: nothing is decoded before the size is known to be acceptable.
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            int max = config.maxDimension();
            if (width <= 0 || height <= 0 || width > max || height > max) {
                throw new ImageRejectedException(Reason.TOO_MANY_PIXELS);
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new ImageRejectedException(Reason.UNREADABLE);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            throw new ImageRejectedException(Reason.UNREADABLE);
        } finally {
            reader.dispose();
        }
    }

    /** The EXIF orientation (1-8) of the upload; 1 when it has none or its metadata cannot be read. */
    static int orientation(byte[] upload) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload), upload.length);
            for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                Integer value = directory.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
                if (value != null) {
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        } catch (Exception e) {
            // Corrupt or unusual metadata must not cost the upload: the pixels were readable, keep them as stored.
            return 1;
        }
    }

    /**
     * The image turned the way the orientation says it should be shown. Orientations 5-8 swap width and height. The
     * transforms map pixel edges onto pixel edges, so every pixel is copied exactly (no interpolation).
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        // new AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12.
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored left-right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored top-bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // mirrored along the main diagonal
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turn 90 degrees clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // mirrored along the other diagonal
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // turn 90 degrees counter-clockwise
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        boolean swap = orientation >= 5;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    private static byte[] writePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    private static byte[] writeJpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.88f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
