# The standard output streams of `python3` started on a terminal without -u
# (Python/pylifecycle.c's create_stdio, buffered_stdio), for a session of the
# REPL (--console python): sys.stdout and sys.stderr (and their __stdout__,
# __stderr__) become line-buffered TextIOWrappers, not write-through, over
# BufferedWriters of the terminal's block size on fds 1 and 2 (the captured
# terminal), with the encoding and errors of the streams they replace.
import io, sys

# What io.open buffers a terminal's output by: its st_blksize, 1024 bytes on
# a Linux pseudo terminal (a file's would be 4096).
TERMINAL_BLOCK_SIZE = 1024


def _terminal_stream(fd, name, old):
    old.flush()
    buffer = io.open(fd, 'wb', TERMINAL_BLOCK_SIZE, closefd=False)
    buffer.raw.name = name
    text = io.TextIOWrapper(buffer, old.encoding, old.errors, newline='\n',
                            line_buffering=True, write_through=False)
    text.mode = 'w'
    return text


sys.stdout = sys.__stdout__ = _terminal_stream(1, '<stdout>', sys.__stdout__)
sys.stderr = sys.__stderr__ = _terminal_stream(2, '<stderr>', sys.__stderr__)
