# Run at build time (cmake -DSRC=... -DOUT=... -P git_commit.cmake): writes OUT,
# a header defining BACKSTEP_COMMIT as `git describe --always --dirty` of SRC,
# or "unknown" when SRC is not the top of a git checkout (a source tarball
# unpacked inside some other repository must not take that one's commit).
# The file is rewritten only when the text changes, so an unchanged commit
# does not rebuild anything.
cmake_minimum_required(VERSION 3.20) # script mode: the policies of the project
set(commit unknown)
find_program(GIT git)
if(GIT)
  execute_process(COMMAND ${GIT} -C ${SRC} rev-parse --show-toplevel
                  OUTPUT_VARIABLE top RESULT_VARIABLE r OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  file(REAL_PATH "${SRC}" src_real)
  if(r EQUAL 0)
    file(REAL_PATH "${top}" top_real)
  endif()
  if(r EQUAL 0 AND top_real STREQUAL src_real)
    execute_process(COMMAND ${GIT} -C ${SRC} describe --always --dirty
                    OUTPUT_VARIABLE d RESULT_VARIABLE r OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(r EQUAL 0 AND d)
      set(commit ${d})
    endif()
  endif()
endif()
file(CONFIGURE OUTPUT ${OUT} CONTENT "#define BACKSTEP_COMMIT \"@commit@\"\n" @ONLY)
