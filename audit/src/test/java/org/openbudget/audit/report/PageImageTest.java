package org.openbudget.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** A page of a PDF drawn as a picture the size of the page, with ink where the page prints. */
class PageImageTest {
    @Test
    void aPageIsDrawnAtItsSizeAndAPageThatIsNotThereIsNothing() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("src/test/resources/pdf/urumqi-sme-center-2024.render.pdf"));
        PageImage.Picture p = PageImage.draw(pdf, 2);
        assertThat(p.width()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(1f));   // A4 portrait, in points
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(p.png()));
        assertThat(image.getWidth()).isCloseTo(Math.round(p.width() * PageImage.DPI / 72), org.assertj.core.data.Offset.offset(2));
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) for (int x = 0; x < image.getWidth(); x += 2) if ((image.getRGB(x, y) & 0xff) < 128) dark++;
        assertThat(dark).as("ink on the page").isGreaterThan(500);
        assertThat(PageImage.draw(pdf, 999).png()).isEmpty();
        assertThat(PageImage.draw("not a pdf".getBytes(), 1).png()).isEmpty();
    }
}
