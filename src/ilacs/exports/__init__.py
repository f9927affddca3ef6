"""Documents from the data: data -> bytes (Word, PDF, Excel), no request objects, so the browser
download and `ilacs export` are the same code (`ilacs.exports.documents.generate`)."""
