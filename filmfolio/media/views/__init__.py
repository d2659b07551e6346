"""HTTP views of the media app: protected files, tus uploads, media pages and actions."""
