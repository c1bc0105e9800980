-- Files are read back in slices (substring), a chunk at a time. Stored uncompressed and out of line, a slice reads
-- only its own TOAST chunks; compressed, every slice would decompress the value up to its end. PDFs and ZIP packages
-- (DOCX, XLSX) are compressed already. Applies to files stored from now on.
alter table stored_file alter column bytes set storage external;
