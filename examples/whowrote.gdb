# The scripted gdb session of scripts/demo.sh (gdb-multiarch -x): stop at the
# end of main, see the corrupted guard, and go back in time to the write.
set pagination off
set confirm off
echo \n(gdb) break whowrote.c:34   -- after count(), before the printing\n
break whowrote.c:34
echo (gdb) continue\n
continue
echo (gdb) print s.guard\n
print s.guard
echo (gdb) watch -l s.guard\n
watch -l s.guard
echo (gdb) reverse-continue   -- back to the last write of s.guard\n
reverse-continue
echo (gdb) backtrace\n
backtrace
echo (gdb) print i\n
print i
echo (gdb) print vals[i]\n
print vals[i]
echo (gdb) print bucket_of(vals[i])   -- (computed by hand: vals[i] % 9)\n
print vals[i] % (8 + 1)
echo (gdb) reverse-stepi / stepi   -- one instruction back and forth\n
reverse-stepi
x/i $pc
stepi
x/i $pc
echo (gdb) reverse-finish   -- back out to the caller\n
delete
reverse-finish
echo (gdb) monitor when / monitor history\n
monitor when
monitor history
echo (gdb) continue   -- replays to the end of history, runs live, stops before the exit\n
continue
echo (gdb) continue   -- the exit stop was the end of history; now the program really exits\n
continue
