"""Images, albums, videos, renditions and transcode jobs; ffmpeg adapters."""
