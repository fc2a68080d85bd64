/* test_nm.c -- host unit tests of the translator library's encoder, decoder and disassembler
 * (translator/nm.h), built with sanitizers (make test-translator).
 *
 *   round trips    every operation with random operands: decode(encode(x)) == x; random words
 *                  (biased to the opcodes translation mode has): every legal word re-encodes to
 *                  itself, every illegal one decodes to NM_ILLEGAL with a reason
 *   validation     the illegal cases docs/isa.md section 5 lists, each with its reason; slot
 *                  classes for SLOTS 2 and 4; encoder range checks
 *   disassembly    known words, the expected text written by hand from docs/isa.md
 *   tests/rtl      the assembly tests' ENC_R, ENC_I and NOP_WORD (tests/rtl/enc.h) build the
 *                  words the library does
 */
#include <stdio.h>
#include <string.h>

#include "nm.h"
#include "nm_model.h"
#include "enc.h"   /* tests/rtl/enc.h: the RTL tests' ENC_R, ENC_I, NOP_WORD */

static unsigned checks, fails;
static uint64_t rng = 0x1948c0ffee12ull;

static uint32_t rnd32(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}
static int rnd(int n) { return (int)(rnd32() % (uint32_t)n); }

#define CHECK(cond, ...) do { checks++; if (!(cond)) { fails++; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
    printf(__VA_ARGS__); printf("\n"); } } while (0)

static nm_op mkop(nm_opk k, int rd, int rs1, int rs2, int cond, uint32_t imm)
{
    nm_op o;
    memset(&o, 0, sizeof o);
    o.op = k;
    o.kind = nm_kind_of(k);
    o.cls = nm_class_of(k);
    o.rd = rd;
    o.rs1 = rs1;
    o.rs2 = rs2;
    o.cond = cond;
    o.imm = imm;
    return o;
}

static const int conds[8] = { CMS_F3_BEQ, CMS_F3_BNE, CMS_F3_BMI, CMS_F3_BPL, CMS_F3_BLT, CMS_F3_BGE,
                               CMS_F3_BLTU, CMS_F3_BGEU };

/* a random legal operation of kind k, with exactly the fields decode fills */
static nm_op random_op(nm_opk k)
{
    int r1 = rnd(NM_TR_COUNT), r2 = rnd(NM_TR_COUNT), r3 = rnd(NM_TR_COUNT);
    uint32_t i12 = (uint32_t)(rnd(4096) - 2048);
    switch (k) {
    case NM_NOP: return mkop(k, 0, 0, -1, 0, 0);
    case NM_SLLI: case NM_SRLI: case NM_SRAI: return mkop(k, r1, r2, -1, 0, (uint32_t)rnd(32));
    case NM_LUI: return mkop(k, r1, -1, -1, 0, rnd32() & 0xfffff000u);
    case NM_LW: return mkop(k, r1, r2, -1, 0, i12);
    case NM_SW: return mkop(k, -1, r2, r3, 0, i12);
    case NM_BR: return mkop(k, -1, r2, r3, conds[rnd(8)], (uint32_t)(rnd(4096) - 2048) * 2u);
    case NM_J: return mkop(k, -1, -1, -1, 0, (uint32_t)(rnd(1 << 20) - (1 << 19)) * 2u);
    case NM_EXIT: return mkop(k, -1, -1, -1, 0, (uint32_t)rnd(2048));
    case NM_COMMIT: return mkop(k, -1, -1, -1, 0, 0);
    case NM_ASSERT: return mkop(k, -1, r2, r3, conds[rnd(8)], 0);
    default:
        if (k >= NM_ADDI && k <= NM_ANDI) return mkop(k, r1, r2, -1, 0, i12);
        return mkop(k, r1, r2, r3, 0, 0);
    }
}

static void round_trips(void)
{
    int k, n;
    for (k = NM_NOP; k < NM_OPK_COUNT; k++) {
        for (n = 0; n < 2000; n++) {
            nm_op o = random_op((nm_opk)k), d;
            uint32_t w = nm_encode(&o);
            nm_why why;
            if (k == NM_ADDI && o.rd == 0 && o.rs1 == 0 && o.imm == 0) continue;   /* the NOP word */
            CHECK(w != 0, "%s: encode gave 0", nm_opk_name((nm_opk)k));
            why = nm_decode(w, &d);
            CHECK(why == NM_OK && nm_op_equal(&o, &d) && d.kind == o.kind && d.cls == o.cls,
                  "%s: decode(encode) 0x%08x: %s, op %d rd %d rs1 %d rs2 %d cond %d imm 0x%x",
                  nm_opk_name((nm_opk)k), (unsigned)w, nm_why_str(why), d.op, d.rd, d.rs1, d.rs2,
                  d.cond, (unsigned)d.imm);
        }
    }
    CHECK(nm_nop() == NM_NOP_WORD, "nm_nop 0x%08x", (unsigned)nm_nop());
    CHECK(nm_ri(NM_ADDI, 0, 0, 0) == NM_NOP_WORD, "addi x0, x0, 0 is the NOP word");
}

static void random_words(void)
{
    static const uint32_t opcs[] = { CMS_OPC_OP, CMS_OPC_OP_IMM, CMS_OPC_LUI, CMS_OPC_LOAD,
                                     CMS_OPC_STORE, CMS_OPC_BRANCH, CMS_OPC_JAL, CMS_OPC_CUSTOM0 };
    unsigned legal = 0, n;
    for (n = 0; n < 2000000; n++) {
        uint32_t w = rnd32(), w2;
        nm_op o;
        nm_why why;
        if (n & 1) w = (w & ~0x7fu) | opcs[rnd(8)];          /* mostly opcodes that exist */
        if ((n & 6) == 2) w &= 0x81f7ffffu;                   /* fewer high register bits */
        if ((n & 14) == 4) w &= 0x0e0fffffu;                  /* small funct7 (ASSERT, EXIT) */
        why = nm_decode(w, &o);
        if (why == NM_OK) {
            legal++;
            w2 = nm_encode(&o);
            CHECK(w2 == w, "legal 0x%08x re-encodes to 0x%08x", (unsigned)w, (unsigned)w2);
            CHECK(o.op != NM_ILLEGAL && o.kind == nm_kind_of(o.op) && o.cls == nm_class_of(o.op),
                  "0x%08x: kind/class", (unsigned)w);
        } else {
            CHECK(o.op == NM_ILLEGAL && o.kind == NM_K_ILL && o.cls == NM_C_NONE && o.rd == -1 &&
                  o.rs1 == -1 && o.rs2 == -1, "illegal 0x%08x: op not NM_ILLEGAL", (unsigned)w);
            CHECK(nm_encode(&o) == 0, "NM_ILLEGAL encodes to 0");
        }
    }
    CHECK(legal > 100000, "random words: only %u legal", legal);
    printf("random words: %u of %u legal, all re-encode to themselves\n", legal, n);
}

typedef struct {
    uint32_t w;
    nm_why why;
    const char *what;
} vcase;

static void validation(void)
{
    const uint32_t C0 = CMS_OPC_CUSTOM0;
    vcase vc[] = {
        { 0x00000000u, NM_WHY_ZERO, "all-zero word" },
        { nm_enc_u(0x1000, 1, CMS_OPC_AUIPC), NM_WHY_OPCODE, "AUIPC" },
        { nm_enc_i(0, 1, 0, 0, CMS_OPC_JALR), NM_WHY_OPCODE, "JALR" },
        { nm_enc_i(0, 0, 0, 0, CMS_OPC_SYSTEM), NM_WHY_OPCODE, "ECALL" },
        { nm_enc_i(CMS_CSR_MSCRATCH, 0, 2, 1, CMS_OPC_SYSTEM), NM_WHY_OPCODE, "CSRRS" },
        { nm_enc_i(0, 0, 0, 0, CMS_OPC_MISC_MEM), NM_WHY_OPCODE, "FENCE" },
        { 0xffffffffu, NM_WHY_OPCODE, "all ones" },
        { nm_enc_i(0, 1, 0, 2, CMS_OPC_LOAD), NM_WHY_FUNCT3, "LB" },
        { nm_enc_i(0, 1, 4, 2, CMS_OPC_LOAD), NM_WHY_FUNCT3, "LBU" },
        { nm_enc_s(0, 1, 2, 1, CMS_OPC_STORE), NM_WHY_FUNCT3, "SH" },
        { nm_enc_i(0, 0, 3, 0, C0), NM_WHY_FUNCT3, "custom-0 funct3 3" },
        { nm_enc_i(0, 0, 7, 0, C0), NM_WHY_FUNCT3, "custom-0 funct3 7" },
        { nm_enc_r(0x10, 1, 1, 0, 1, CMS_OPC_OP), NM_WHY_FUNCT7, "OP funct7 0x10" },
        { nm_enc_r(0x20, 1, 1, CMS_F3_SLL, 1, CMS_OPC_OP), NM_WHY_FUNCT7, "OP funct7 0x20 with SLL" },
        { nm_enc_i(0x400 | 3, 1, CMS_F3_SLL, 1, CMS_OPC_OP_IMM), NM_WHY_FUNCT7, "SLLI funct7 0x20" },
        { nm_enc_i(0x200 | 3, 1, CMS_F3_SRL, 1, CMS_OPC_OP_IMM), NM_WHY_FUNCT7, "SRLI funct7 0x10" },
        { nm_enc_b(8, 16, 1, CMS_F3_BMI, CMS_OPC_BRANCH), NM_WHY_REG, "bmi rs2 16" },
        { nm_enc_b(8, 2, 17, CMS_F3_BPL, CMS_OPC_BRANCH), NM_WHY_REG, "bpl rs1 17" },
        { nm_enc_r(CMS_F3_BMI, 2, 1, CMS_TX_OP_ASSERT, 1, C0), NM_WHY_RESERVED, "assert.mi rd 1" },
        { nm_enc_r(8 | CMS_F3_BPL, 2, 1, CMS_TX_OP_ASSERT, 0, C0), NM_WHY_RESERVED, "assert.pl funct7[3]" },
        { nm_enc_j(8, 1, CMS_OPC_JAL), NM_WHY_RESERVED, "JAL rd 1" },
        { nm_enc_i(5, 0, CMS_TX_OP_EXIT, 1, C0), NM_WHY_RESERVED, "EXIT rd 1" },
        { nm_enc_i(5, 1, CMS_TX_OP_EXIT, 0, C0), NM_WHY_RESERVED, "EXIT rs1 1" },
        { nm_enc_i(0x800 | 5, 0, CMS_TX_OP_EXIT, 0, C0), NM_WHY_RESERVED, "EXIT imm[11]" },
        { nm_enc_i(0, 0, CMS_TX_OP_COMMIT, 1, C0), NM_WHY_RESERVED, "COMMIT rd" },
        { nm_enc_i(0, 1, CMS_TX_OP_COMMIT, 0, C0), NM_WHY_RESERVED, "COMMIT rs1" },
        { nm_enc_i(1, 0, CMS_TX_OP_COMMIT, 0, C0), NM_WHY_RESERVED, "COMMIT rs2" },
        { nm_enc_i(0x800, 0, CMS_TX_OP_COMMIT, 0, C0), NM_WHY_RESERVED, "COMMIT funct7" },
        { nm_enc_r(0, 2, 1, CMS_TX_OP_ASSERT, 1, C0), NM_WHY_RESERVED, "ASSERT rd" },
        { nm_enc_r(8, 2, 1, CMS_TX_OP_ASSERT, 0, C0), NM_WHY_RESERVED, "ASSERT funct7[3]" },
        { nm_enc_r(0x40, 2, 1, CMS_TX_OP_ASSERT, 0, C0), NM_WHY_RESERVED, "ASSERT funct7[6]" },
        { nm_enc_r(0, 2, 1, 0, 16, CMS_OPC_OP), NM_WHY_REG, "ADD rd x16" },
        { nm_enc_r(0, 2, 31, 0, 1, CMS_OPC_OP), NM_WHY_REG, "ADD rs1 x31" },
        { nm_enc_r(1, 16, 1, 0, 1, CMS_OPC_OP), NM_WHY_REG, "MUL rs2 x16" },
        { nm_enc_i(4, 17, 2, 1, CMS_OPC_LOAD), NM_WHY_REG, "LW rs1 x17" },
        { nm_enc_s(4, 20, 1, 2, CMS_OPC_STORE), NM_WHY_REG, "SW rs2 x20" },
        { nm_enc_b(8, 2, 16, 0, CMS_OPC_BRANCH), NM_WHY_REG, "BEQ rs1 x16" },
        { nm_enc_r(0, 16, 1, CMS_TX_OP_ASSERT, 0, C0), NM_WHY_REG, "ASSERT rs2 x16" },
        { nm_enc_u(0xfffff000u, 16, CMS_OPC_LUI), NM_WHY_REG, "LUI rd x16" },
        /* fields that are immediate bits, not registers: legal */
        { nm_enc_u(0xffff8000u, 1, CMS_OPC_LUI), NM_OK, "LUI with bits 19:15 = 31" },
        { nm_enc_i(0x7ff, 1, 0, 1, CMS_OPC_OP_IMM), NM_OK, "ADDI with bits 24:20 = 31" },
        { nm_enc_i(0x7ff, 0, CMS_TX_OP_EXIT, 0, C0), NM_OK, "EXIT 2047" },
        { nm_enc_i(1, 1, 0, 0, CMS_OPC_OP_IMM), NM_OK, "ADDI x0 (writes TR0: not a NOP)" },
    };
    size_t i;
    nm_op o;
    for (i = 0; i < sizeof vc / sizeof vc[0]; i++) {
        nm_why why = nm_decode(vc[i].w, &o);
        CHECK(why == vc[i].why, "%s (0x%08x): got '%s', expected '%s'", vc[i].what, (unsigned)vc[i].w,
              nm_why_str(why), nm_why_str(vc[i].why));
    }
    CHECK(nm_decode(nm_enc_i(1, 1, 0, 0, CMS_OPC_OP_IMM), &o) == NM_OK && o.op == NM_ADDI, "addi x0, x1, 1 is ADDI");

    /* slot classes (docs/isa.md section 5's table) */
    {
        uint32_t a = nm_rr(NM_ADD, 1, 2, 3), m = nm_lw(1, 2, 4), s = nm_sw(1, 2, 4),
                 x = nm_rr(NM_DIV, 1, 2, 3), b = nm_br(CMS_F3_BEQ, 1, 2, 8), e = nm_exit(1),
                 c = nm_commit(), as = nm_assert(CMS_F3_BNE, 1, 2), j = nm_j(8), l = nm_lui(3, 0x1000);
        unsigned slot;
        for (slot = 0; slot < 2; slot++) {
            CHECK(nm_decode_slot(a, 2, slot, &o) == NM_OK, "S2: A in slot %u", slot);
            CHECK(nm_decode_slot(l, 2, slot, &o) == NM_OK, "S2: LUI in slot %u", slot);
            CHECK(nm_decode_slot(NM_NOP_WORD, 2, slot, &o) == NM_OK, "S2: NOP in slot %u", slot);
        }
        for (slot = 0; slot < 4; slot++) {
            nm_why want_mx = slot == 0 ? NM_OK : NM_WHY_SLOT, want_b = slot == 3 ? NM_OK : NM_WHY_SLOT;
            CHECK(nm_decode_slot(a, 4, slot, &o) == NM_OK, "S4: A in slot %u", slot);
            CHECK(nm_decode_slot(m, 4, slot, &o) == want_mx, "S4: LW in slot %u", slot);
            CHECK(nm_decode_slot(s, 4, slot, &o) == want_mx, "S4: SW in slot %u", slot);
            CHECK(nm_decode_slot(x, 4, slot, &o) == want_mx, "S4: DIV in slot %u", slot);
            CHECK(nm_decode_slot(b, 4, slot, &o) == want_b, "S4: BEQ in slot %u", slot);
            CHECK(nm_decode_slot(j, 4, slot, &o) == want_b, "S4: J in slot %u", slot);
            CHECK(nm_decode_slot(e, 4, slot, &o) == want_b, "S4: EXIT in slot %u", slot);
            CHECK(nm_decode_slot(c, 4, slot, &o) == want_b, "S4: COMMIT in slot %u", slot);
            CHECK(nm_decode_slot(as, 4, slot, &o) == want_b, "S4: ASSERT in slot %u", slot);
        }
        CHECK(nm_decode_slot(m, 2, 1, &o) == NM_WHY_SLOT && o.op == NM_LW, "S2: LW in slot 1, still decoded");
        CHECK(nm_decode_slot(e, 2, 0, &o) == NM_WHY_SLOT, "S2: EXIT in slot 0");
        CHECK(nm_decode_slot(e, 2, 1, &o) == NM_OK, "S2: EXIT in slot 1");
        CHECK(nm_decode_slot(x, 2, 0, &o) == NM_OK, "S2: DIV in slot 0");
        CHECK(nm_decode_slot(a, 2, 2, &o) == NM_WHY_SLOT, "slot beyond SLOTS");
        CHECK(!nm_slots_valid(3) && !nm_slots_valid(1) && nm_slots_valid(2) && nm_slots_valid(4), "nm_slots_valid");
    }

    /* encoder range checks: 0 for what does not fit */
    CHECK(nm_rr(NM_ADD, 16, 1, 1) == 0, "add x16");
    CHECK(nm_rr(NM_ADD, 1, -1, 1) == 0, "add x-1");
    CHECK(nm_rr(NM_ADDI, 1, 1, 1) == 0, "nm_rr with an immediate op");
    CHECK(nm_ri(NM_ADDI, 1, 1, 2048) == 0 && nm_ri(NM_ADDI, 1, 1, -2049) == 0, "addi imm range");
    CHECK(nm_ri(NM_ADDI, 1, 1, 2047) != 0 && nm_ri(NM_ADDI, 1, 1, -2048) != 0, "addi imm ends");
    CHECK(nm_ri(NM_SLLI, 1, 1, 32) == 0 && nm_ri(NM_SRAI, 1, 1, 31) != 0, "shamt range");
    CHECK(nm_lui(1, 0x12345678u) == 0, "lui with low bits");
    CHECK(nm_br(8, 1, 2, 8) == 0 && nm_br(-1, 1, 2, 8) == 0 && nm_br(CMS_F3_BEQ, 1, 2, 7) == 0,
          "branch cond 8, -1, odd offset");
    CHECK(nm_br(CMS_F3_BEQ, 1, 2, 4096) == 0 && nm_br(CMS_F3_BEQ, 1, 2, -4096) != 0, "branch range");
    CHECK(nm_j(1 << 20) == 0 && nm_j(-(1 << 20)) != 0, "jump range");
    CHECK(nm_exit(2048) == 0 && nm_exit(2047) != 0, "exit range");
    CHECK(nm_assert(8, 1, 2) == 0, "assert cond 8");
    /* bmi, bpl: nm_br with CMS_F3_BMI / CMS_F3_BPL, the same ranges */
    CHECK(nm_bmi(1, 6, 16) == nm_br(CMS_F3_BMI, 1, 6, 16) && nm_bmi(1, 6, 16) != 0, "nm_bmi is nm_br");
    CHECK(nm_bpl(2, 3, -8) == nm_br(CMS_F3_BPL, 2, 3, -8) && nm_bpl(2, 3, -8) != 0, "nm_bpl is nm_br");
    CHECK(nm_bmi(16, 1, 8) == 0 && nm_bpl(1, 16, 8) == 0 && nm_bmi(1, -1, 8) == 0, "bmi/bpl registers");
    CHECK(nm_bmi(1, 2, 7) == 0 && nm_bpl(1, 2, 4096) == 0 && nm_bmi(1, 2, -4096) != 0 &&
          nm_bpl(1, 2, 4094) != 0, "bmi/bpl offsets");
    {
        nm_op d;
        CHECK(nm_decode(nm_bmi(1, 6, 16), &d) == NM_OK && d.op == NM_BR && d.cond == CMS_F3_BMI &&
              d.rs1 == 1 && d.rs2 == 6 && d.rd == -1 && d.imm == 16 && d.cls == NM_C_B, "decode bmi");
        CHECK(nm_decode(nm_bpl(2, 3, -8), &d) == NM_OK && d.op == NM_BR && d.cond == CMS_F3_BPL &&
              d.rs1 == 2 && d.rs2 == 3 && d.imm == (uint32_t)-8, "decode bpl");
        CHECK(nm_decode(nm_assert(CMS_F3_BMI, 1, 2), &d) == NM_OK && d.op == NM_ASSERT &&
              d.cond == CMS_F3_BMI, "decode assert.mi");
        CHECK(nm_decode_slot(nm_bmi(1, 6, 16), 2, 0, &d) == NM_WHY_SLOT &&
              nm_decode_slot(nm_bmi(1, 6, 16), 4, 2, &d) == NM_WHY_SLOT &&
              nm_decode_slot(nm_bpl(1, 6, 16), 4, 3, &d) == NM_OK, "bmi/bpl: class B, last slot only");
    }
    CHECK(nm_fw_tx_wr(16, 1) == 0 && nm_fw_tx_rd(1, 16) == 0 && nm_fw_tx_enter(32, 1) == 0, "tx.* ranges");
    {
        nm_op bad = mkop(NM_ADD, 1, 2, 99, 0, 0);
        uint32_t w = 1;
        CHECK(nm_encode_why(&bad, &w) == NM_WHY_RANGE && w == 0, "nm_encode_why range");
    }
}

typedef struct {
    uint32_t w;
    const char *text;
} dcase;

static void disassembly(void)
{
    /* words assembled by hand from the RV32 formats; text as docs/isa.md writes operations */
    static const dcase dc[] = {
        { 0x00000013u, "nop" },
        { 0x00100093u, "addi x1, x0, 1" },
        { 0xfff00093u, "addi x1, x0, -1" },
        { 0x40208133u, "sub x2, x1, x2" },
        { 0x4030d093u, "srai x1, x1, 3" },
        { 0x027322b3u, "mulhsu x5, x6, x7" },
        { 0x123450b7u, "lui x1, 0x12345" },
        { 0x00812183u, "lw x3, 8(x2)" },
        { 0xfe312e23u, "sw x3, -4(x2)" },
        { 0x00208463u, "beq x1, x2, .+8" },
        { 0xfe009ce3u, "bne x1, x0, .-8" },
        { 0x0100006fu, "j .+16" },
        { 0x0050000bu, "exit 5" },
        { 0x0000100bu, "commit" },
        { 0x0c20a00bu, "assert.ltu x1, x2" },
        { 0x0060a863u, "bmi x1, x6, .+16" },          /* .insn b 0x63, 2, x1, x6, .+16 (GNU as) */
        { 0xfe313ce3u, "bpl x2, x3, .-8" },
        { 0x0420a00bu, "assert.mi x1, x2" },
        { 0x0620a00bu, "assert.pl x1, x2" },
        { 0x00000000u, "illegal 0x00000000: all-zero word" },
        { 0x00100097u, "illegal 0x00100097: opcode not in translation mode" },
        { 0x0020800bu, "illegal 0x0020800b: non-zero field that must be zero" },
        { 0x00a00833u, "illegal 0x00a00833: register field >= TR_COUNT" },
    };
    char buf[128];
    size_t i, n;
    for (i = 0; i < sizeof dc / sizeof dc[0]; i++) {
        n = nm_dis(dc[i].w, buf, sizeof buf);
        CHECK(!strcmp(buf, dc[i].text) && n == strlen(dc[i].text), "0x%08x: got '%s', expected '%s'",
              (unsigned)dc[i].w, buf, dc[i].text);
    }
    nm_dis_slot(0x00812183u, 2, 1, buf, sizeof buf);
    CHECK(!strcmp(buf, "illegal 0x00812183: class not allowed in this slot (lw x3, 8(x2))"), "slot: '%s'", buf);
    CHECK(nm_bmi(1, 6, 16) == 0x0060a863u && nm_bpl(2, 3, -8) == 0xfe313ce3u, "bmi/bpl words by hand");
    CHECK(nm_assert(CMS_F3_BMI, 1, 2) == 0x0420a00bu && nm_assert(CMS_F3_BPL, 1, 2) == 0x0620a00bu,
          "assert.mi/pl words by hand");
    nm_dis_slot(0x0060a863u, 2, 0, buf, sizeof buf);
    CHECK(!strcmp(buf, "illegal 0x0060a863: class not allowed in this slot (bmi x1, x6, .+16)"), "bmi slot 0: '%s'", buf);
    nm_dis_slot(0x0050000bu, 4, 3, buf, sizeof buf);
    CHECK(!strcmp(buf, "exit 5"), "exit in the last slot: '%s'", buf);
    /* a short buffer: truncated, terminated, full length returned */
    n = nm_dis(0x027322b3u, buf, 7);
    CHECK(n == strlen("mulhsu x5, x6, x7") && !strcmp(buf, "mulhsu"), "truncation: %zu '%s'", n, buf);
    CHECK(nm_dis(0x027322b3u, NULL, 0) == n, "size 0");
    /* firmware-mode words (docs/isa.md section 4), by hand */
    CHECK(nm_fw_tx_enter(10, 11) == 0x0005850bu, "tx.enter a0, a1: 0x%08x", (unsigned)nm_fw_tx_enter(10, 11));
    CHECK(nm_fw_tx_wr(3, 10) == 0x0005118bu, "tx.wr x3, a0: 0x%08x", (unsigned)nm_fw_tx_wr(3, 10));
    CHECK(nm_fw_tx_rd(10, 3) == 0x0001a50bu, "tx.rd a0, x3: 0x%08x", (unsigned)nm_fw_tx_rd(10, 3));
    CHECK(nm_fw_tx_prot(10, 11) == 0x00b5300bu, "tx.prot a0, a1: 0x%08x", (unsigned)nm_fw_tx_prot(10, 11));
    CHECK(nm_fw_tx_protrd(10, 11) == 0x0005d50bu, "tx.protrd a0, a1: 0x%08x", (unsigned)nm_fw_tx_protrd(10, 11));
    CHECK(nm_fw_tx_commit() == 0x0000400bu, "tx.commit: 0x%08x", (unsigned)nm_fw_tx_commit());
    CHECK(nm_fw_tx_rollback() == 0x0200400bu, "tx.rollback: 0x%08x", (unsigned)nm_fw_tx_rollback());
}

/* the model's conditions (nm_bcond): bmi/bpl are the sign of the WRAPPING difference, not a
 * signed comparison */
static void conditions(void)
{
    static const struct { uint32_t a, b; int mi, lt, ltu; } cc[] = {
        { 0x80000000u, 1, 0, 1, 0 },                /* -2^31 - 1 wraps to 0x7fffffff */
        { 0x7fffffffu, 0xffffffffu, 1, 0, 1 },      /* 2^31-1 - (-1) wraps to 0x80000000 */
        { 5, 5, 0, 0, 0 },                          /* equal: 0 */
        { 0, 0, 0, 0, 0 },
        { 0xffffffffu, 0xffffffffu, 0, 0, 0 },
        { 3, 5, 1, 1, 1 },
        { 5, 3, 0, 0, 0 },
        { 0, 0x80000000u, 1, 0, 1 },                /* 0 - (-2^31) wraps to -2^31 */
        { 0xfffffffeu, 0xffffffffu, 1, 1, 1 },
        { 0x80000000u, 0x7fffffffu, 0, 1, 0 },
    };
    size_t i;
    for (i = 0; i < sizeof cc / sizeof cc[0]; i++) {
        uint32_t a = cc[i].a, b = cc[i].b;
        CHECK(nm_bcond(CMS_F3_BMI, a, b) == cc[i].mi && nm_bcond(CMS_F3_BPL, a, b) == !cc[i].mi,
              "bmi/bpl 0x%08x, 0x%08x", (unsigned)a, (unsigned)b);
        CHECK(nm_bcond(CMS_F3_BLT, a, b) == cc[i].lt && nm_bcond(CMS_F3_BLTU, a, b) == cc[i].ltu,
              "blt/bltu 0x%08x, 0x%08x", (unsigned)a, (unsigned)b);
    }
    for (i = 0; i < 100000; i++) {
        uint32_t a = rnd32(), b = rnd(4) ? rnd32() : a;
        CHECK(nm_bcond(CMS_F3_BMI, a, b) == (int)((a - b) >> 31) &&
              nm_bcond(CMS_F3_BPL, a, b) == !nm_bcond(CMS_F3_BMI, a, b), "bmi random");
    }
}

static void rtl_macros(void)
{
    int n;
    CHECK(NOP_WORD == NM_NOP_WORD, "enc.h NOP_WORD 0x%08x", (unsigned)NOP_WORD);
    for (n = 0; n < 100000; n++) {
        uint32_t f7 = rnd32() & 0xffu, rs2 = rnd32() & 63u, rs1 = rnd32() & 63u, f3 = rnd32() & 15u,
                 rd = rnd32() & 63u, op = rnd32() & 0xffu, imm = rnd32() & 0x1fffu;
        CHECK(ENC_R(f7, rs2, rs1, f3, rd, op) == nm_enc_r(f7, rs2, rs1, f3, rd, op), "ENC_R");
        CHECK(ENC_I(imm, rs1, f3, rd, op) == nm_enc_i(imm, rs1, f3, rd, op), "ENC_I");
    }
}

int main(void)
{
    round_trips();
    validation();
    disassembly();
    conditions();
    rtl_macros();
    random_words();
    printf("test_nm: %u checks, %u failed\n", checks, fails);
    return fails ? 1 : 0;
}
