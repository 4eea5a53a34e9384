package picture

import (
	"bytes"
	"encoding/binary"
)

// WithEXIF returns a JPEG with an EXIF segment like a phone writes: the
// orientation, a camera serial number, and when gps is set the coordinates
// lat, lon in degrees (north and east).
func WithEXIF(jpg []byte, orientation int, gps bool, lat, lon float64) []byte {
	le := binary.LittleEndian
	var t bytes.Buffer
	t.WriteString("II*\x00")
	binary.Write(&t, le, uint32(8))
	// IFD0: orientation, serial number, GPS pointer.
	entries := 2
	if gps {
		entries = 3
	}
	serial := []byte("SN-4711-0815\x00")
	ifd0 := 8
	dataAt := ifd0 + 2 + 12*entries + 4
	binary.Write(&t, le, uint16(entries))
	entry := func(tag, typ uint16, count, value uint32) {
		binary.Write(&t, le, tag)
		binary.Write(&t, le, typ)
		binary.Write(&t, le, count)
		binary.Write(&t, le, value)
	}
	entry(0x0112, 3, 1, uint32(orientation))
	entry(0xA431, 2, uint32(len(serial)), uint32(dataAt)) // BodySerialNumber
	gpsIFD := dataAt + len(serial)
	if gps {
		entry(0x8825, 4, 1, uint32(gpsIFD))
	}
	binary.Write(&t, le, uint32(0))
	t.Write(serial)
	if gps {
		// GPS IFD: latitude and longitude with their references.
		rationals := gpsIFD + 2 + 12*4 + 4
		binary.Write(&t, le, uint16(4))
		entry(0x0001, 2, 2, uint32('N'))
		entry(0x0002, 5, 3, uint32(rationals))
		entry(0x0003, 2, 2, uint32('E'))
		entry(0x0004, 5, 3, uint32(rationals+24))
		binary.Write(&t, le, uint32(0))
		for _, deg := range []float64{lat, lon} {
			d := int(deg)
			m := int((deg - float64(d)) * 60)
			s := ((deg-float64(d))*60 - float64(m)) * 60 * 100
			for _, v := range [][2]uint32{{uint32(d), 1}, {uint32(m), 1}, {uint32(s), 100}} {
				binary.Write(&t, le, v[0])
				binary.Write(&t, le, v[1])
			}
		}
	}
	seg := append([]byte("Exif\x00\x00"), t.Bytes()...)
	var out bytes.Buffer
	out.Write(jpg[:2])
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(jpg[2:])
	return out.Bytes()
}

// HasMetadata reports whether a published file carries EXIF, XMP or GPS
// data anywhere.
func HasMetadata(b []byte) bool {
	if _, err := exifTIFF(b); err == nil {
		return true
	}
	for _, s := range []string{"Exif\x00\x00", "http://ns.adobe.com/xap/1.0/", "SN-4711", "eXIf", "tEXt", "iTXt", "zTXt"} {
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}
