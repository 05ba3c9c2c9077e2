# The reverse suite on armhf builds (arm-linux-gnueabihf-gcc: ARMv7-A,
# Thumb-2 by default, VFPv3-D16 hard-float; Debian's armhf libc is Thumb-2
# code, so even a -marm program switches state on every libc call).
# Included from CMakeLists.txt after gdb_tests.cmake and the armel dynamic
# tests (it uses `run`, bs_gdb_test, bs_watch_side_test, ROUNDTRIP_PROGRAMS
# and DYN_ROUNDTRIP_PROGRAMS). Labels "reverse;armhf".
if(NOT ARMHF_CC)
  message(STATUS "tests/reverse: arm-linux-gnueabihf-gcc not found, armhf reverse tests disabled")
  return()
endif()
set(ARMHF_SYSROOT ${BACKSTEP_ARMHF_SYSROOT})
set(BS_HF_DYN_OPTS "-L ${ARMHF_SYSROOT}")

# bs_armhf_program(NAME SOURCE [STATIC|DYNAMIC] FLAGS...): an armhf binary
# NAME in the build tree (no -marm/-mthumb unless FLAGS say so: the
# toolchain's default is Thumb-2). Appends to BS_HF_PROGRAMS.
function(bs_armhf_program name src link)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name})
  if(link STREQUAL STATIC)
    set(lflags -static)
  else()
    set(lflags -ldl)
  endif()
  add_custom_command(OUTPUT ${out}
    COMMAND ${ARMHF_CC} ${lflags} -g ${ARGN} -o ${out} ${src} -lm
    DEPENDS ${src} VERBATIM)
  set(BS_HF_PROGRAMS ${BS_HF_PROGRAMS} ${out} PARENT_SCOPE)
endfunction()

# bs_hf_roundtrip(NAME BINARY ENV...): roundtrip.py on BINARY.
function(bs_hf_roundtrip name bin)
  add_test(NAME reverse/roundtrip-hf-${name} COMMAND ${run} ${CMAKE_CURRENT_SOURCE_DIR}/roundtrip.py
           ${CMAKE_CURRENT_BINARY_DIR}/${bin})
  set_tests_properties(reverse/roundtrip-hf-${name} PROPERTIES LABELS "reverse;armhf" TIMEOUT 300
                       WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
                       ENVIRONMENT "${ARGN}")  # BS_FRESH_CWD: CMakeLists.txt
endfunction()

set(progs ${CMAKE_SOURCE_DIR}/tests/programs)
set(BS_HF_PROGRAMS)
# Round trips: the armel ROUNDTRIP_PROGRAMS and interwork.c, as Thumb-2
# (-O2, the default) and as ARM (-O2 -marm, over the Thumb-2 libc); the
# dynamic ones with -L. Every point of a Thumb-2 build but the few in
# ld.so-free startup is Thumb, so both static families must land on Thumb
# points (RT_MIN_THUMB=1; the -marm builds reach them in libc).
foreach(p IN LISTS ROUNDTRIP_PROGRAMS ITEMS interwork)
  bs_armhf_program(${p}-hf-O2 ${progs}/${p}.c STATIC -O2)
  bs_armhf_program(${p}-hf-marm-O2 ${progs}/${p}.c STATIC -O2 -marm)
  bs_hf_roundtrip(${p} ${p}-hf-O2 RT_SEED=12 RT_STEP=2000 RT_CHECKS=40 RT_MIN_THUMB=1)
  bs_hf_roundtrip(marm-${p} ${p}-hf-marm-O2 RT_SEED=13 RT_STEP=2000 RT_CHECKS=40 RT_MIN_THUMB=1)
endforeach()
foreach(p IN LISTS DYN_ROUNDTRIP_PROGRAMS)
  bs_armhf_program(${p}-hf-dyn-O2 ${progs}/${p}.c DYNAMIC -O2)
  bs_hf_roundtrip(dyn-${p} ${p}-hf-dyn-O2 RT_SEED=14 RT_STEP=3000 RT_CHECKS=40 RT_MIN_THUMB=1
                  "BS_OPTS=${BS_HF_DYN_OPTS}")
endforeach()
bs_armhf_program(dynlib-hf-dyn-O2 ${CMAKE_CURRENT_SOURCE_DIR}/programs/dynlib.c DYNAMIC -O2)
bs_hf_roundtrip(dyn-dynlib dynlib-hf-dyn-O2 RT_SEED=14 RT_STEP=3000 RT_CHECKS=40 RT_MIN_THUMB=1
                "BS_OPTS=${BS_HF_DYN_OPTS}")
# Hard-float programs (tests/programs' float_* and matrix, doubles): the
# undo log's D registers and FPSCR, cumulative flags and mode (float_fenv
# changes the rounding mode, float_fastmath runs with FZ from crtfastmath).
# roundtrip.py takes at most 400 points: RT_STEP (the mean gap) is each
# program's length in instructions / 400, so the points span the whole run.
foreach(p_step float_libm:11000 float_fenv:250 float_edges:700 matrix:10000 doubles:2500)
  string(REPLACE ":" ";" p_step ${p_step})
  list(GET p_step 0 p)
  list(GET p_step 1 st)
  bs_armhf_program(${p}-hf-O2 ${progs}/${p}.c STATIC -O2)
  bs_hf_roundtrip(${p} ${p}-hf-O2 RT_SEED=16 RT_STEP=${st} RT_CHECKS=60 RT_MIN_THUMB=1)
endforeach()
bs_armhf_program(float_fastmath-hf-O2 ${progs}/float_fastmath.c STATIC -O2 -ffast-math)
bs_hf_roundtrip(float_fastmath float_fastmath-hf-O2 RT_SEED=16 RT_STEP=700 RT_CHECKS=60 RT_MIN_THUMB=1)
bs_hf_roundtrip(hf_float gdb-hf-float RT_SEED=17 RT_STEP=20 RT_CHECKS=100 RT_MIN_THUMB=1)
# ... and through snapshots (a small undo log).
bs_hf_roundtrip(snapshots-sorting sorting-hf-O2 RT_SEED=15 RT_STEP=20000 RT_CHECKS=40 RT_MIN_THUMB=1
                "BS_OPTS=-undo-limit 16M -snapshot-interval 50000")
bs_hf_roundtrip(dyn-snapshots-malloc_sizes malloc_sizes-hf-dyn-O2 RT_SEED=15 RT_STEP=20000 RT_CHECKS=40 RT_MIN_THUMB=1
                "BS_OPTS=${BS_HF_DYN_OPTS} -undo-limit 16M -snapshot-interval 20000")
# Steps of a few instructions through glibc's Thumb-2 startup (IT blocks
# compiled from C: ITSTATE is part of the state hash).
bs_hf_roundtrip(small-steps-sorting sorting-hf-O2 RT_SEED=18 RT_STEP=4 RT_CHECKS=150 RT_MIN_THUMB=100)

# gdb sessions: the programs of gdb_tests.cmake's gdb_progs as armhf
# Thumb-2 code (-O0; thumb.c as -marm, its own Thumb functions marked), and
# the dynamic sessions' programs linked dynamically.
foreach(p IN LISTS gdb_progs)
  if(p STREQUAL thumb)
    bs_armhf_program(gdb-${p}-hf ${CMAKE_CURRENT_SOURCE_DIR}/programs/${p}.c STATIC -O0 -marm)
  elseif(NOT p STREQUAL straddle)
    bs_armhf_program(gdb-${p}-hf ${CMAKE_CURRENT_SOURCE_DIR}/programs/${p}.c STATIC -O0)
  endif()
endforeach()
foreach(p exitstop dynlib watchside)
  bs_armhf_program(gdb-${p}-hf-dyn ${CMAKE_CURRENT_SOURCE_DIR}/programs/${p}.c DYNAMIC -O0)
endforeach()
bs_armhf_program(gdb-writes-mixed-hf ${CMAKE_CURRENT_SOURCE_DIR}/programs/writes_mixed.c STATIC -O0)
add_custom_target(reverse_hf_programs ALL DEPENDS ${BS_HF_PROGRAMS})

bs_gdb_test(basics-hf basics basics-hf LABELS armhf)
bs_gdb_test(detach-hf detach basics-hf LABELS armhf ENV ${expect_basics})
bs_gdb_test(stepi-roundtrip-hf stepi_roundtrip basics-hf LABELS armhf)
bs_gdb_test(seek-extended-hf seek_extended basics-hf LABELS armhf)
bs_gdb_test(reverse-continue-hf reverse_continue loop-hf LABELS armhf)
bs_gdb_test(watch-reverse-hf watch_reverse watch-hf LABELS armhf)
bs_gdb_test(watch-forward-live-hf watch_forward watch-hf LABELS armhf)
bs_gdb_test(watch-forward-replay-hf watch_forward watch-hf LABELS armhf ENV WATCH_REPLAY=1)
bs_watch_side_test(watch-side-hf watchside-hf LABELS armhf)
bs_gdb_test(reverse-step-hf reverse_step calls-hf LABELS armhf)
bs_gdb_test(reverse-next-big-hf reverse_next_big calls-hf LABELS armhf)
bs_gdb_test(replay-output-hf replay_output printer-hf LABELS armhf)
bs_gdb_test(interrupt-hf interrupt spin-hf LABELS armhf)
bs_gdb_test(crash-hf crash crash-hf LABELS armhf ENV BS_EXPECT_STATUS=139)
bs_gdb_test(interrupt-syscall-hf interrupt_syscall blocked-hf LABELS armhf)
bs_gdb_test(exit-stop-hf exit_stop exitstop-hf LABELS armhf ENV BS_EXPECT_STATUS=5)
bs_gdb_test(thumb-step-hf thumb_step thumb-hf LABELS "thumb;armhf")
bs_gdb_test(thumb-calls-hf thumb_calls thumb-hf LABELS "thumb;armhf")
# Dynamic (-L the armhf sysroot).
bs_gdb_test(exit-stop-hf-dyn exit_stop exitstop-hf-dyn LABELS armhf ENV BS_EXPECT_STATUS=5 "BS_OPTS=${BS_HF_DYN_OPTS}")
set(BS_WATCH_SIDE_ENV "BS_OPTS=${BS_HF_DYN_OPTS}")
bs_watch_side_test(watch-side-hf-dyn watchside-hf-dyn LABELS armhf)
set(BS_WATCH_SIDE_ENV)
bs_gdb_test(dyn-libs-hf dyn_libs dynlib-hf-dyn LABELS armhf ENV BS_EXPECT_STATUS=7 "BS_OPTS=${BS_HF_DYN_OPTS}")
bs_gdb_test(dyn-libs-bind-now-hf dyn_libs dynlib-hf-dyn LABELS armhf
            ENV BS_EXPECT_STATUS=7 "BS_OPTS=${BS_HF_DYN_OPTS} -E LD_BIND_NOW=1" BIND_NOW=1)
bs_gdb_test(dyn-libs-sysroot-hf dyn_libs dynlib-hf-dyn LABELS armhf
            ENV BS_EXPECT_STATUS=7 "BS_OPTS=${BS_HF_DYN_OPTS}" GDB_SYSROOT=${ARMHF_SYSROOT})

# gdb on an armhf float program of its own (gdb_hf_float.py): VFP registers,
# a watchpoint on a double, finish with d0, reverse-stepi over VFP code, IT
# blocks, ARM code calling the Thumb-2 libc, a P write to d5.
bs_armhf_program(gdb-hf-float ${CMAKE_CURRENT_SOURCE_DIR}/programs/hf_float.c STATIC -O2)
add_custom_target(reverse_hf_float ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/gdb-hf-float)
bs_gdb_test(hf-float hf_float hf-float LABELS "armhf;vfp;thumb")
# The rest of gdb_tests.cmake's A32 sessions on the armhf builds.
bs_gdb_test(detach-in-past-hf detach basics-hf LABELS armhf ENV ${expect_basics} DETACH_BACK=7)
bs_gdb_test(watch-forward-live-long-hf watch_forward watch-hf ARGS 100000 LABELS armhf)
bs_gdb_test(monitor-seek-bad-hf monitor_seek basics-hf LABELS armhf)
bs_gdb_test(exit-stop-kill-hf exit_stop exitstop-hf LABELS armhf ENV BS_EXPECT_STATUS=5 EXIT_HOW=kill)
bs_gdb_test(exit-stop-detach-hf exit_stop exitstop-hf LABELS armhf ENV BS_EXPECT_STATUS=5 EXIT_HOW=detach)
add_test(NAME reverse/rsp-watch-untouched-hf COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/rsp_watch_untouched.py
         $<TARGET_FILE:backstep> ${CMAKE_CURRENT_BINARY_DIR}/gdb-watchside-hf)
add_test(NAME reverse/rsp-watch-untouched-hf-dyn COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/rsp_watch_untouched.py
         $<TARGET_FILE:backstep> ${CMAKE_CURRENT_BINARY_DIR}/gdb-watchside-hf-dyn -L ${ARMHF_SYSROOT})
set_tests_properties(reverse/rsp-watch-untouched-hf reverse/rsp-watch-untouched-hf-dyn PROPERTIES
                     LABELS "reverse;armhf" TIMEOUT 60)
# gdb_vfp.py on programs/vfp.c as armhf code (-O0 Thumb-2, hard-float).
bs_armhf_program(gdb-vfp-hf ${CMAKE_CURRENT_SOURCE_DIR}/programs/vfp.c STATIC -O0)
add_custom_target(reverse_vfp_hf ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/gdb-vfp-hf)
bs_gdb_test(vfp-hf vfp vfp-hf LABELS "armhf;vfp")

# History queries over Thumb-2 and VFP stores (the query's store notes),
# and a signal from outside under -g.
bs_gdb_test(history-queries-hf history_queries writes-hf LABELS armhf)
bs_gdb_test(history-queries-intervals-hf history_queries_long progress-hf ARGS 1000000 LABELS armhf
            ENV "BS_OPTS=-snapshot-interval 1000000 -undo-limit 16M")
bs_gdb_test(history-queries-mixed-hf history_queries_mixed writes-mixed-hf LABELS armhf)
bs_gdb_test(signal-from-outside-hf signal_from_outside spin-hf LABELS armhf)
