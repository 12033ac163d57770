// IEC 62443 compiler and analyses.
