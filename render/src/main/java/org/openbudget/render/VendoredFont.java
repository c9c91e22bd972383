package org.openbudget.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The vendored Noto Sans SC (render/src/main/resources/fonts/, OFL) as a Java font, for drawing a page of a
 * document that names no usable font of its own — an OFD's page shown with a finding framed on it. Loaded once,
 * from this jar: the picture never depends on the fonts of the machine it is drawn on.
 */
public final class VendoredFont {
    private VendoredFont() {}

    private static final class Regular {
        static final Font FACE = load("/fonts/NotoSansSC_400Regular.ttf");
    }

    /** Noto Sans SC Regular, 1 pt (derive the size to draw at). */
    public static Font regular() {
        return Regular.FACE;
    }

    private static Font load(String resource) {
        try (InputStream in = VendoredFont.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("缺少字体文件 " + resource + " (the font is not in the jar)");
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(1f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("字体文件无法读取 " + resource, e);
        }
    }
}
