"""QR codes drawn on the server as inline SVG: no network, no JavaScript."""

import qrcode
import qrcode.image.svg

# Any of the eight mask patterns reads correctly; trying all eight for the "best" one triples the cost of a page.
MASK_PATTERN = 0


def qr_svg(text):
    code = qrcode.QRCode(image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2, mask_pattern=MASK_PATTERN)
    code.add_data(text)
    return code.make_image().to_string(encoding="unicode")
