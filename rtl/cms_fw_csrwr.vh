// cms_fw_csrwr.vh -- a CSR write: the case statement over csr_a that sets the *_d values
// from csr_wv. Included inside an always @* block, under `if (f_csr && csr_wr)`.
// Included by cms_core and by cms_core_mc (rtl/mc/), so that both
// implementations take the firmware-mode decisions of docs/isa.md section 4 from one text.
case (csr_a)
    `CMS_CSR_MSTATUS:   begin
        mie_d = csr_wv[`CMS_MSTATUS_MIE_BIT];
        mpie_d = csr_wv[`CMS_MSTATUS_MPIE_BIT];
    end
    `CMS_CSR_MIE:       meie_d = csr_wv[`CMS_MIE_MEIE_BIT];
    `CMS_CSR_MTVEC:     mtvec_d = {csr_wv[31:2], 2'b00};
    `CMS_CSR_MSCRATCH:  mscratch_d = csr_wv;
    `CMS_CSR_MEPC:      mepc_d = {csr_wv[31:2], 2'b00};
    `CMS_CSR_MCAUSE:    mcause_d = csr_wv;
    `CMS_CSR_MTVAL:     mtval_d = csr_wv;
    // a write replaces the increment of that cycle (no carry into the other half)
    `CMS_CSR_MCYCLE:    mcycle_d = {mcycle_q[63:32], csr_wv};
    `CMS_CSR_MCYCLEH:   mcycle_d = {csr_wv, mcycle_q[31:0]};
    `CMS_CSR_MINSTRET:  minstret_d = {minstret_q[63:32], csr_wv};
    `CMS_CSR_MINSTRETH: minstret_d = {csr_wv, minstret_q[31:0]};
    `CMS_CSR_GWBASE:    gwbase_d = {csr_wv[31:2], 2'b00};
    `CMS_CSR_GWLIMIT:   gwlimit_d = csr_wv;
    `CMS_CSR_TXSTAT:    txstat_d = csr_wv;
    default: ;
endcase
