/* COffprintWebP: Debian's libwebp decoder (libwebp-dev), for `--image-compat`, which turns
   WebP images into PNG for EPUB 3.2-era readers (Sources/OffprintExport/ImageCompat.swift). */
#include <webp/decode.h>
