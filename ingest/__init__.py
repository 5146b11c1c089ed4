"""Reading UN documents: decoding, normalisation, reference and clause extraction, RDF output."""
