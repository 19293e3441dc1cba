package nl.kennisagenda.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every EXIF orientation turns the pixels the way the EXIF standard describes it: where the stored image's first row
 * and first column end up when shown. Plain unit test (no Quarkus): {@link ImageProcessor#upright} is pure.
 */
class ImageOrientationTest {

    private static final int W = 3;
    private static final int H = 2;

    /** EXIF: for orientations 1-8, is row 0 at the top/left (true) or bottom/right, and column 0 left/top or right/bottom. */
    private static final boolean[] ROW0_TOP_OR_LEFT = { true, true, false, false, true, false, false, true };
    private static final boolean[] COL0_LEFT_OR_TOP = { true, false, false, true, true, true, false, false };

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
    void everyPixelLandsWhereTheExifStandardSaysItIsShown(int orientation) {
        BufferedImage stored = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                stored.setRGB(x, y, colour(x, y));
            }
        }
        BufferedImage upright = ImageProcessor.upright(stored, orientation);
        boolean rowsBecomeColumns = orientation >= 5;
        assertEquals(rowsBecomeColumns ? H : W, upright.getWidth());
        assertEquals(rowsBecomeColumns ? W : H, upright.getHeight());
        boolean row0 = ROW0_TOP_OR_LEFT[orientation - 1];
        boolean col0 = COL0_LEFT_OR_TOP[orientation - 1];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int shownX;
                int shownY;
                if (rowsBecomeColumns) {
                    shownX = row0 ? y : H - 1 - y;
                    shownY = col0 ? x : W - 1 - x;
                } else {
                    shownX = col0 ? x : W - 1 - x;
                    shownY = row0 ? y : H - 1 - y;
                }
                assertEquals(colour(x, y), upright.getRGB(shownX, shownY) & 0xffffff,
                        "orientation " + orientation + ", stored pixel " + x + "," + y);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 9, -3 })
    void orientationOneAndNonsenseValuesLeaveTheImageAsItIs(int orientation) {
        BufferedImage stored = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        assertSame(stored, ImageProcessor.upright(stored, orientation));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "ffd8ff", "ffd8ffe1ffff45786966000049492a00", "89504e470d0a1a0a" })
    void missingOrBrokenMetadataCountsAsOrientationOne(String hex) {
        assertEquals(1, ImageProcessor.orientation(java.util.HexFormat.of().parseHex(hex)));
    }

    private static int colour(int x, int y) {
        return (x * 60 + 10) << 16 | (y * 100 + 20) << 8 | 0x33;
    }
}
