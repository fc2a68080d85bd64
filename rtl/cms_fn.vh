// cms_fn.vh -- combinational functions shared by the firmware datapath, every bundle slot and
// the chip's address decode.
// Included inside a module body. (Functions rather than module instances so that the logic of
// the mode not running sits inside an `if` that the Verilator model skips: same hardware.)

// the integer ALU: op = {funct7[5] (SUB/SRA), funct3}, as in RV32I OP encodings
function [31:0] cms_alu;
    input [3:0]  op;
    input [31:0] a;
    input [31:0] b;
    begin
        case (op)
            4'b0000: cms_alu = a + b;
            4'b1000: cms_alu = a - b;
            4'b0001, 4'b1001: cms_alu = a << b[4:0];
            4'b0010, 4'b1010: cms_alu = {31'd0, $signed(a) < $signed(b)};
            4'b0011, 4'b1011: cms_alu = {31'd0, a < b};
            4'b0100, 4'b1100: cms_alu = a ^ b;
            4'b0101: cms_alu = a >> b[4:0];
            4'b1101: cms_alu = $unsigned($signed(a) >>> b[4:0]);
            4'b0110, 4'b1110: cms_alu = a | b;
            default: cms_alu = a & b;
        endcase
    end
endfunction

// branch condition (the branch funct3 codes; also ASSERT's). BMI/BPL (translation mode only; the
// firmware decoder rejects them, as RV32I does) test bit 31 of the wrapping difference a - b, not
// a signed comparison. One comparison of the low 31 bits, the borrow into bit 31 of a - b, gives
// them and the four less-than conditions: with the signs equal, a < b (signed or not) is that
// borrow; with them different, it is the sign of a (signed) or of b (unsigned).
function cms_bcmp;
    input [2:0]  cond;
    input [31:0] a;
    input [31:0] b;
    reg          bo, sd, mi, lt, ltu;
    begin
        bo  = a[30:0] < b[30:0];
        sd  = a[31] ^ b[31];
        mi  = sd ^ bo;                  // bit 31 of a - b
        lt  = sd ? a[31] : bo;
        ltu = sd ? b[31] : bo;
        case (cond)
            `CMS_F3_BEQ:  cms_bcmp = a == b;
            `CMS_F3_BNE:  cms_bcmp = a != b;
            `CMS_F3_BMI:  cms_bcmp = mi;
            `CMS_F3_BPL:  cms_bcmp = !mi;
            `CMS_F3_BLT:  cms_bcmp = lt;
            `CMS_F3_BGE:  cms_bcmp = !lt;
            `CMS_F3_BLTU: cms_bcmp = ltu;
            default:      cms_bcmp = !ltu;      // `CMS_F3_BGEU
        endcase
    end
endfunction

// addr lies in [base, base + bytes): bytes is a power of two and base a multiple of it (every
// region of the memory map, tools/gen_defs.py checks), so this is a comparison of the high bits,
// not a subtraction and a compare.
function cms_in_rgn;
    input [31:0] addr;
    input [31:0] base;
    input [31:0] bytes;
    begin
        cms_in_rgn = ((addr ^ base) & ~(bytes - 32'd1)) == 32'd0;
    end
endfunction
