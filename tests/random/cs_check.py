"""cs_check.py -- decode A32 words (or, with Capstone(thumb=True), Thumb
halfwords and pairs) with the Capstone C library (libcapstone) through
ctypes, so the random tester can check that every generated instruction is
one Capstone 4 knows.  No Python bindings needed; if the library is missing,
available() is False."""
import ctypes
import ctypes.util


class _Insn(ctypes.Structure):
    _fields_ = [("id", ctypes.c_uint), ("address", ctypes.c_uint64),
                ("size", ctypes.c_uint16), ("bytes", ctypes.c_uint8 * 16),
                ("mnemonic", ctypes.c_char * 32), ("op_str", ctypes.c_char * 160),
                ("detail", ctypes.c_void_p)]


class Capstone:
    def __init__(self, thumb=False):
        self.lib = None
        name = ctypes.util.find_library("capstone") or "libcapstone.so.4"
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            return
        lib.cs_open.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_size_t)]
        lib.cs_disasm.argtypes = [ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t,
                                  ctypes.c_uint64, ctypes.c_size_t,
                                  ctypes.POINTER(ctypes.POINTER(_Insn))]
        lib.cs_disasm.restype = ctypes.c_size_t
        lib.cs_free.argtypes = [ctypes.POINTER(_Insn), ctypes.c_size_t]
        self.handle = ctypes.c_size_t()
        mode = 16 if thumb else 0                        # CS_MODE_THUMB / CS_MODE_ARM
        if lib.cs_open(0, mode, ctypes.byref(self.handle)) != 0:   # CS_ARCH_ARM
            return
        self.lib = lib

    def available(self):
        return self.lib is not None

    def decode(self, word, address=0, size=4):
        """'mnemonic op_str' for one little-endian A32 word (size 4), or
        Thumb halfword (size 2), or None.  A Thumb 32-bit pair is passed as
        its two halfwords' bytes: decode_bytes()."""
        return self.decode_bytes(word.to_bytes(size, "little"), address)

    def decode_bytes(self, code, address=0):
        insn = ctypes.POINTER(_Insn)()
        n = self.lib.cs_disasm(self.handle.value, code, len(code), address, 1,
                               ctypes.byref(insn))
        if n == 1 and insn[0].size != len(code):
            self.lib.cs_free(insn, n)
            return None
        if n != 1:
            return None
        text = "%s %s" % (insn[0].mnemonic.decode(), insn[0].op_str.decode())
        self.lib.cs_free(insn, n)
        return text.strip()
