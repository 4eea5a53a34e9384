package picture

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/draw"
)

// Orientation returns the EXIF orientation of a JPEG, 1 to 8, or 1 when it
// has none. It reads only the APP1 segment's first directory; a damaged
// one counts as upright.
func Orientation(src []byte) int {
	tiff, err := exifTIFF(src)
	if err != nil || len(tiff) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	ifd := int(bo.Uint32(tiff[4:8]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 1
	}
	n := int(bo.Uint16(tiff[ifd:]))
	for i := 0; i < n; i++ {
		e := ifd + 2 + 12*i
		if e+12 > len(tiff) {
			return 1
		}
		if bo.Uint16(tiff[e:]) == 0x0112 && bo.Uint16(tiff[e+2:]) == 3 {
			if o := int(bo.Uint16(tiff[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}

// exifTIFF returns the TIFF structure inside a JPEG's EXIF segment.
func exifTIFF(src []byte) ([]byte, error) {
	if !bytes.HasPrefix(src, []byte{0xFF, 0xD8}) {
		return nil, errNoEXIF
	}
	i := 2
	for i+4 <= len(src) && src[i] == 0xFF {
		marker := src[i+1]
		if marker == 0xD9 || marker == 0xDA { // end of image, start of scan
			break
		}
		size := int(binary.BigEndian.Uint16(src[i+2:]))
		if size < 2 || i+2+size > len(src) {
			break
		}
		seg := src[i+4 : i+2+size]
		if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return seg[6:], nil
		}
		i += 2 + size
	}
	return nil, errNoEXIF
}

// orient turns img by EXIF orientation o, so that it stands as the camera
// saw it.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	src, ok := img.(*image.RGBA)
	if !ok || b.Min != (image.Point{}) {
		src = image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // upside down
				dx, dy = w-1-x, h-1-y
			case 4: // upside down, mirrored
				dx, dy = x, h-1-y
			case 5: // transposed
				dx, dy = y, x
			case 6: // rotated 90° clockwise to stand upright
				dx, dy = h-1-y, x
			case 7: // transversed
				dx, dy = h-1-y, w-1-x
			case 8: // rotated 90° counter-clockwise to stand upright
				dx, dy = y, w-1-x
			}
			copy(dst.Pix[dst.PixOffset(dx, dy):][:4], src.Pix[src.PixOffset(x, y):][:4])
		}
	}
	return dst
}
