@echo off
rem kube-generate on Windows: the Java of JAVA_HOME, else java on PATH (17 or newer), with JVM
rem options for a short run. (The class-data archive of bin/kube-generate is POSIX only.)
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseParallelGC -Xmn64m -XX:-UsePerfData -cp "%~dp0..\lib\kube-generate.jar" dev.kubegenerate.Main %*
exit /b %ERRORLEVEL%
