package io.ace;
public class AceApplication { public static void main(String[] a) {} }
