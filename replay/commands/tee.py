# Forwards writes to a stream and hands the text to a recorder (replay record).
class Tee:
    def __init__(self, stream, record):
        self._stream = stream
        self._record = record
    def write(self, text):
        self._record(text)
        return self._stream.write(text)
    def __getattr__(self, name):
        return getattr(self._stream, name)
