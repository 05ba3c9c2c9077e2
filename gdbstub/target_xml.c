/* The ARM target description (core registers, cpsr, VFP d0-d31 and fpscr) and
 * the register numbering that goes with it; see target_xml.h. The XML's order
 * and regnum attributes must match the numbering in target_xml.h.
 * Never formats packets and never touches the target. */
#include "gdbstub/target_xml.h"

static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
    "<target version=\"1.0\">\n"
    "  <architecture>arm</architecture>\n"
    "  <feature name=\"org.gnu.gdb.arm.core\">\n"
    "    <reg name=\"r0\" bitsize=\"32\" type=\"uint32\" regnum=\"0\"/>\n"
    "    <reg name=\"r1\" bitsize=\"32\" type=\"uint32\" regnum=\"1\"/>\n"
    "    <reg name=\"r2\" bitsize=\"32\" type=\"uint32\" regnum=\"2\"/>\n"
    "    <reg name=\"r3\" bitsize=\"32\" type=\"uint32\" regnum=\"3\"/>\n"
    "    <reg name=\"r4\" bitsize=\"32\" type=\"uint32\" regnum=\"4\"/>\n"
    "    <reg name=\"r5\" bitsize=\"32\" type=\"uint32\" regnum=\"5\"/>\n"
    "    <reg name=\"r6\" bitsize=\"32\" type=\"uint32\" regnum=\"6\"/>\n"
    "    <reg name=\"r7\" bitsize=\"32\" type=\"uint32\" regnum=\"7\"/>\n"
    "    <reg name=\"r8\" bitsize=\"32\" type=\"uint32\" regnum=\"8\"/>\n"
    "    <reg name=\"r9\" bitsize=\"32\" type=\"uint32\" regnum=\"9\"/>\n"
    "    <reg name=\"r10\" bitsize=\"32\" type=\"uint32\" regnum=\"10\"/>\n"
    "    <reg name=\"r11\" bitsize=\"32\" type=\"uint32\" regnum=\"11\"/>\n"
    "    <reg name=\"r12\" bitsize=\"32\" type=\"uint32\" regnum=\"12\"/>\n"
    "    <reg name=\"sp\" bitsize=\"32\" type=\"data_ptr\" regnum=\"13\"/>\n"
    "    <reg name=\"lr\" bitsize=\"32\" type=\"int\" regnum=\"14\"/>\n"
    "    <reg name=\"pc\" bitsize=\"32\" type=\"code_ptr\" regnum=\"15\"/>\n"
    "    <reg name=\"cpsr\" bitsize=\"32\" type=\"int\" regnum=\"16\"/>\n"
    "  </feature>\n"
    "  <feature name=\"org.gnu.gdb.arm.vfp\">\n"
    "    <reg name=\"d0\" bitsize=\"64\" type=\"ieee_double\" regnum=\"17\"/>\n"
    "    <reg name=\"d1\" bitsize=\"64\" type=\"ieee_double\" regnum=\"18\"/>\n"
    "    <reg name=\"d2\" bitsize=\"64\" type=\"ieee_double\" regnum=\"19\"/>\n"
    "    <reg name=\"d3\" bitsize=\"64\" type=\"ieee_double\" regnum=\"20\"/>\n"
    "    <reg name=\"d4\" bitsize=\"64\" type=\"ieee_double\" regnum=\"21\"/>\n"
    "    <reg name=\"d5\" bitsize=\"64\" type=\"ieee_double\" regnum=\"22\"/>\n"
    "    <reg name=\"d6\" bitsize=\"64\" type=\"ieee_double\" regnum=\"23\"/>\n"
    "    <reg name=\"d7\" bitsize=\"64\" type=\"ieee_double\" regnum=\"24\"/>\n"
    "    <reg name=\"d8\" bitsize=\"64\" type=\"ieee_double\" regnum=\"25\"/>\n"
    "    <reg name=\"d9\" bitsize=\"64\" type=\"ieee_double\" regnum=\"26\"/>\n"
    "    <reg name=\"d10\" bitsize=\"64\" type=\"ieee_double\" regnum=\"27\"/>\n"
    "    <reg name=\"d11\" bitsize=\"64\" type=\"ieee_double\" regnum=\"28\"/>\n"
    "    <reg name=\"d12\" bitsize=\"64\" type=\"ieee_double\" regnum=\"29\"/>\n"
    "    <reg name=\"d13\" bitsize=\"64\" type=\"ieee_double\" regnum=\"30\"/>\n"
    "    <reg name=\"d14\" bitsize=\"64\" type=\"ieee_double\" regnum=\"31\"/>\n"
    "    <reg name=\"d15\" bitsize=\"64\" type=\"ieee_double\" regnum=\"32\"/>\n"
    "    <reg name=\"d16\" bitsize=\"64\" type=\"ieee_double\" regnum=\"33\"/>\n"
    "    <reg name=\"d17\" bitsize=\"64\" type=\"ieee_double\" regnum=\"34\"/>\n"
    "    <reg name=\"d18\" bitsize=\"64\" type=\"ieee_double\" regnum=\"35\"/>\n"
    "    <reg name=\"d19\" bitsize=\"64\" type=\"ieee_double\" regnum=\"36\"/>\n"
    "    <reg name=\"d20\" bitsize=\"64\" type=\"ieee_double\" regnum=\"37\"/>\n"
    "    <reg name=\"d21\" bitsize=\"64\" type=\"ieee_double\" regnum=\"38\"/>\n"
    "    <reg name=\"d22\" bitsize=\"64\" type=\"ieee_double\" regnum=\"39\"/>\n"
    "    <reg name=\"d23\" bitsize=\"64\" type=\"ieee_double\" regnum=\"40\"/>\n"
    "    <reg name=\"d24\" bitsize=\"64\" type=\"ieee_double\" regnum=\"41\"/>\n"
    "    <reg name=\"d25\" bitsize=\"64\" type=\"ieee_double\" regnum=\"42\"/>\n"
    "    <reg name=\"d26\" bitsize=\"64\" type=\"ieee_double\" regnum=\"43\"/>\n"
    "    <reg name=\"d27\" bitsize=\"64\" type=\"ieee_double\" regnum=\"44\"/>\n"
    "    <reg name=\"d28\" bitsize=\"64\" type=\"ieee_double\" regnum=\"45\"/>\n"
    "    <reg name=\"d29\" bitsize=\"64\" type=\"ieee_double\" regnum=\"46\"/>\n"
    "    <reg name=\"d30\" bitsize=\"64\" type=\"ieee_double\" regnum=\"47\"/>\n"
    "    <reg name=\"d31\" bitsize=\"64\" type=\"ieee_double\" regnum=\"48\"/>\n"
    "    <reg name=\"fpscr\" bitsize=\"32\" type=\"int\" group=\"float\" regnum=\"49\"/>\n"
    "  </feature>\n"
    "</target>\n";

const char *rsp_target_xml(size_t *len) {
    if (len)
        *len = sizeof(xml) - 1;
    return xml;
}

unsigned rsp_reg_size(uint32_t n) {
    if (n <= RSP_REG_CPSR || n == RSP_REG_FPSCR)
        return 4;
    if (n >= RSP_REG_D0 && n <= RSP_REG_D31)
        return 8;
    return 0;
}

int rsp_reg_offset(uint32_t n) {
    if (n <= RSP_REG_CPSR)
        return (int)n * 4;
    if (n >= RSP_REG_D0 && n <= RSP_REG_D31)
        return 17 * 4 + (int)(n - RSP_REG_D0) * 8;
    if (n == RSP_REG_FPSCR)
        return 17 * 4 + 32 * 8;
    return -1;
}
